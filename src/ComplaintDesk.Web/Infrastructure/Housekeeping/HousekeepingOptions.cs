using System.ComponentModel.DataAnnotations;

namespace ComplaintDesk.Web.Infrastructure.Housekeeping;

/// <summary>How long bookkeeping rows are kept (section <c>Housekeeping</c>).</summary>
public sealed class HousekeepingOptions
{
    public const string SectionName = "Housekeeping";

    /// <summary>An API client retries with the same Idempotency-Key within minutes; a week is ample.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan IdempotencyKeysFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A report snapshot not recomputed for this long is dropped (a later view recomputes it).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ReportSnapshotsFor { get; set; } = TimeSpan.FromDays(60);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
