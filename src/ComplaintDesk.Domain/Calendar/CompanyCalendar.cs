namespace ComplaintDesk.Domain.Calendar;

/// <summary>
/// The company's time zone: instants are stored in UTC, but shown and cut into months here
/// (default Asia/Shanghai).
/// </summary>
public sealed class CompanyCalendar
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    public CompanyCalendar(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        TimeZone = timeZone;
    }

    public TimeZoneInfo TimeZone { get; }

    public static CompanyCalendar Default { get; } = FromId(DefaultTimeZoneId);

    /// <summary>Finds a zone by IANA or Windows id; throws <see cref="TimeZoneNotFoundException"/> when unknown.</summary>
    public static CompanyCalendar FromId(string timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public static bool IsKnownTimeZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), TimeZone);

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    public YearMonth MonthOf(DateTime utc) => YearMonth.Of(ToLocal(utc));

    /// <summary>The month as a half-open UTC range [start, end).</summary>
    public (DateTime StartUtc, DateTime EndUtc) MonthRangeUtc(YearMonth month) =>
        (ToUtc(month.FirstDay), ToUtc(month.AddMonths(1).FirstDay));

    /// <summary>A local day as a half-open UTC range [start, end).</summary>
    public (DateTime StartUtc, DateTime EndUtc) DayRangeUtc(DateOnly localDay) =>
        (ToUtc(localDay.ToDateTime(TimeOnly.MinValue)), ToUtc(localDay.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
