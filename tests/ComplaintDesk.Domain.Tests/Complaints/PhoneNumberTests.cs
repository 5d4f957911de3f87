using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Tests.Complaints;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("19912345678", "+8619912345678")]
    [InlineData("138 1234 5678", "+8613812345678")]
    [InlineData("138-1234-5678", "+8613812345678")]
    [InlineData("(138)1234-5678", "+8613812345678")]
    [InlineData("１３８１２３４５６７８", "+8613812345678")]
    [InlineData("１３８－１２３４－５６７８", "+8613812345678")]
    [InlineData("+86 138 1234 5678", "+8613812345678")]
    [InlineData("＋８６　１３８１２３４５６７８", "+8613812345678")]
    [InlineData("(+86)13812345678", "+8613812345678")]
    [InlineData("0086 13812345678", "+8613812345678")]
    public void Parse_Mobile_NormalisedToPlus86(string typed, string normalized)
    {
        var phone = PhoneNumber.Parse(typed);

        Assert.Equal(PhoneKind.Mobile, phone.Kind);
        Assert.Equal(normalized, phone.Normalized);
        Assert.Equal(typed.Trim(), phone.Typed);
    }

    [Theory]
    [InlineData("010-12345678", "+861012345678")]
    [InlineData("(010)12345678", "+861012345678")]
    [InlineData("010 1234567", "+86101234567")]
    [InlineData("01012345678", "+861012345678")]
    [InlineData("021-6543 2100", "+862165432100")]
    [InlineData("0755-88881234", "+8675588881234")]
    [InlineData("0755-8888123", "+867558888123")]
    [InlineData("075588881234", "+8675588881234")]
    [InlineData("+86 10 1234 5678", "+861012345678")]
    [InlineData("+86 (0755) 8888 1234", "+8675588881234")]
    [InlineData("0086-755-88881234", "+8675588881234")]
    [InlineData("０７５５－８８８８１２３４", "+8675588881234")]
    public void Parse_Landline_NormalisedWithoutTrunkZero(string typed, string normalized)
    {
        var phone = PhoneNumber.Parse(typed);

        Assert.Equal(PhoneKind.Landline, phone.Kind);
        Assert.Equal(normalized, phone.Normalized);
    }

    [Theory]
    [InlineData("010-12345678-123", "+861012345678;ext=123")]
    [InlineData("010-12345678转123", "+861012345678;ext=123")]
    [InlineData("0755 8888 1234 分机 8001", "+8675588881234;ext=8001")]
    [InlineData("010-12345678 ext. 12", "+861012345678;ext=12")]
    [InlineData("010-12345678#6", "+861012345678;ext=6")]
    public void Parse_LandlineWithExtension_KeepsTheExtension(string typed, string normalized)
    {
        var phone = PhoneNumber.Parse(typed);

        Assert.Equal(PhoneKind.Landline, phone.Kind);
        Assert.Equal(normalized, phone.Normalized);
    }

    [Theory]
    [InlineData("+852 9123 4567", "+85291234567")]
    [InlineData("00852-91234567", "+85291234567")]
    [InlineData("+853 6612 3456", "+85366123456")]
    [InlineData("+886 912 345 678", "+886912345678")]
    [InlineData("+886 0912-345-678", "+886912345678")]
    [InlineData("+886 2 2345 6789", "+886223456789")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+65 6123 4567", "+6561234567")]
    public void Parse_OtherCountryWithItsCode_Accepted(string typed, string normalized)
    {
        var phone = PhoneNumber.Parse(typed);

        Assert.Equal(PhoneKind.International, phone.Kind);
        Assert.Equal(normalized, phone.Normalized);
    }

    [Theory]
    [InlineData("138123")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("12812345678")]
    [InlineData("12345678")]
    [InlineData("91234567")]
    [InlineData("010-123456")]
    [InlineData("010-123456789")]
    [InlineData("011-12345678")]
    [InlineData("0755-01234567")]
    [InlineData("+852 9123 456")]
    [InlineData("+853 6612 34567")]
    [InlineData("+886 1234 567")]
    [InlineData("+1 234")]
    [InlineData("+0 123456789")]
    [InlineData("13812345678转1")]
    [InlineData("010-12345678转")]
    [InlineData("010-12345678转1234567")]
    [InlineData("call me")]
    [InlineData("138abc45678")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_NotAPhoneNumber_RefusedInChinese(string? typed)
    {
        Assert.False(PhoneNumber.TryParse(typed, out _));
        var refusal = Assert.Throws<DomainRuleException>(() => PhoneNumber.Parse(typed));
        Assert.Equal(RuleCodes.InvalidInput, refusal.RuleCode);
        Assert.StartsWith("联系电话无效", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalized_SameNumberTypedDifferently_IsEqual()
    {
        Assert.Equal(PhoneNumber.Parse("138 1234 5678").Normalized, PhoneNumber.Parse("+86-138-1234-5678").Normalized);
        Assert.Equal(PhoneNumber.Parse("(010)12345678").Normalized, PhoneNumber.Parse("+86 10 1234 5678").Normalized);
        Assert.NotEqual(PhoneNumber.Parse("010-12345678-1").Normalized, PhoneNumber.Parse("010-12345678-2").Normalized);
    }

    [Fact]
    public void Register_InvalidPhone_RefusedAndNothingCreated()
    {
        var intake = TestSupport.Given.Intake() with { Phone = "138123" };

        var refusal = Assert.Throws<DomainRuleException>(() => Complaint.Register(intake, "TS2026110001", TestSupport.Actors.Clerk, TestSupport.Given.T0, TestSupport.Given.Policy));

        Assert.Equal(PhoneNumber.InvalidMessage, refusal.Message);
    }

    [Fact]
    public void Register_PhoneAsTyped_ShownAsTypedStoredNormalised()
    {
        var intake = TestSupport.Given.Intake() with { Phone = " +86 138-1234-1234 " };

        var complaint = Complaint.Register(intake, "TS2026110001", TestSupport.Actors.Clerk, TestSupport.Given.T0, TestSupport.Given.Policy);

        Assert.Equal("+86 138-1234-1234", complaint.Phone);
        Assert.Equal("+8613812341234", complaint.PhoneNormalized);
    }
}
