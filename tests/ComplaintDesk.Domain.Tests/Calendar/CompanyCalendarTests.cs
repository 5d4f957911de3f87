using ComplaintDesk.Domain.Calendar;

namespace ComplaintDesk.Domain.Tests.Calendar;

public class CompanyCalendarTests
{
    private static readonly CompanyCalendar _shanghai = CompanyCalendar.FromId("Asia/Shanghai");

    [Fact]
    public void ToUtc_LateEveningOfLastDayOfNovember_IsAfternoonUtcOfTheSameDay()
    {
        var utc = _shanghai.ToUtc(new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Unspecified));

        Assert.Equal(new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void MonthOf_LateEveningOfLastDayOfNovember_BelongsToNovember()
    {
        var utc = new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new YearMonth(2026, 11), _shanghai.MonthOf(utc));
        var (start, end) = _shanghai.MonthRangeUtc(new YearMonth(2026, 11));
        Assert.True(utc >= start && utc < end);
    }

    [Theory]
    [InlineData(2026, 10, 31, 15, 59, 2026, 10)]
    [InlineData(2026, 10, 31, 16, 0, 2026, 11)]
    [InlineData(2026, 11, 30, 15, 59, 2026, 11)]
    [InlineData(2026, 11, 30, 16, 0, 2026, 12)]
    [InlineData(2026, 12, 31, 16, 0, 2027, 1)]
    public void MonthOf_UtcInstantAroundMonthEnd_LocalMonth(int year, int month, int day, int hour, int minute, int localYear, int localMonth)
    {
        var utc = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);

        Assert.Equal(new YearMonth(localYear, localMonth), _shanghai.MonthOf(utc));
    }

    [Fact]
    public void MonthRangeUtc_November2026_HalfOpenRangeFromEightHoursBefore()
    {
        var (start, end) = _shanghai.MonthRangeUtc(new YearMonth(2026, 11));

        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void DayRangeUtc_LocalDay_StartsAtSixteenHundredUtcTheDayBefore()
    {
        var (start, end) = _shanghai.DayRangeUtc(new DateOnly(2026, 11, 30));

        Assert.Equal(new DateTime(2026, 11, 29, 16, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void ToLocal_UtcInstant_ShanghaiWallClock()
    {
        var local = _shanghai.ToLocal(new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 30, 23, 30, 0), local);
    }

    [Fact]
    public void Default_IsShanghai()
    {
        Assert.Equal(CompanyCalendar.DefaultTimeZoneId, CompanyCalendar.Default.TimeZone.Id);
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Europe/London", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnownTimeZone_Id_TrueOnlyForRealZones(string? id, bool known)
    {
        Assert.Equal(known, CompanyCalendar.IsKnownTimeZone(id));
    }
}
