using ComplaintDesk.Domain.Calendar;

namespace ComplaintDesk.Domain.Tests.Calendar;

public class YearMonthTests
{
    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("202611", 2026, 11)]
    [InlineData("2026-1", 2026, 1)]
    [InlineData(" 2026-01 ", 2026, 1)]
    [InlineData("2000-01", 2000, 1)]
    [InlineData("2100-12", 2100, 12)]
    public void TryParse_GoodInput_ParsesTheMonth(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var value));
        Assert.Equal(new YearMonth(year, month), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026/11")]
    [InlineData("11-2026")]
    [InlineData("1999-12")]
    [InlineData("2101-01")]
    [InlineData("2026-11-05")]
    [InlineData("二〇二六年十一月")]
    [InlineData("abc")]
    public void TryParse_BadInput_ReturnsFalse(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out var value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData(2026, 11, 1, 2026, 12)]
    [InlineData(2026, 12, 1, 2027, 1)]
    [InlineData(2026, 1, -1, 2025, 12)]
    [InlineData(2026, 11, -12, 2025, 11)]
    public void AddMonths_AcrossYears_RollsOver(int year, int month, int months, int toYear, int toMonth)
    {
        Assert.Equal(new YearMonth(toYear, toMonth), new YearMonth(year, month).AddMonths(months));
    }

    [Fact]
    public void ToStringAndCompact_November2026_DashedAndCompactForms()
    {
        var month = new YearMonth(2026, 11);

        Assert.Equal("2026-11", month.ToString());
        Assert.Equal("202611", month.Compact);
        Assert.True(month < new YearMonth(2027, 1));
        Assert.True(month > new YearMonth(2026, 10));
    }
}
