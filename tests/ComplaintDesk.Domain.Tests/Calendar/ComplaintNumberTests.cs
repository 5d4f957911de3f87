using ComplaintDesk.Domain.Calendar;

namespace ComplaintDesk.Domain.Tests.Calendar;

public class ComplaintNumberTests
{
    [Theory]
    [InlineData(2026, 11, 1, "TS2026110001")]
    [InlineData(2026, 1, 42, "TS2026010042")]
    [InlineData(2026, 11, 9999, "TS2026119999")]
    [InlineData(2026, 11, 12345, "TS20261112345")]
    public void Format_MonthAndSequence_PrefixMonthAndAtLeastFourDigits(int year, int month, int sequence, string number)
    {
        Assert.Equal(number, ComplaintNumber.Format(new YearMonth(year, month), sequence));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(12345)]
    [InlineData(999_999_999)]
    public void TryParse_FormattedNumber_RoundTrips(int sequence)
    {
        var month = new YearMonth(2026, 11);
        var number = ComplaintNumber.Format(month, sequence);

        Assert.True(ComplaintNumber.TryParse(number, out var parsedMonth, out var parsedSequence));
        Assert.Equal(month, parsedMonth);
        Assert.Equal(sequence, parsedSequence);
        Assert.True(number.Length <= ComplaintNumber.MaxLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TS")]
    [InlineData("TS202611001")]
    [InlineData("XS2026110001")]
    [InlineData("ts2026110001")]
    [InlineData("TS2026130001")]
    [InlineData("TS2026000001")]
    [InlineData("TS1999110001")]
    [InlineData("TS2026110000")]
    [InlineData("TS2026-110001")]
    [InlineData("TS202611000A")]
    [InlineData("TS202611 0001")]
    [InlineData("TS20261100０1")]
    [InlineData(" TS2026110001")]
    [InlineData("TS2026111234567890")]
    public void TryParse_Junk_ReturnsFalse(string? number)
    {
        Assert.False(ComplaintNumber.TryParse(number, out _, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Format_SequenceNotPositive_Throws(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintNumber.Format(new YearMonth(2026, 11), sequence));
    }
}
