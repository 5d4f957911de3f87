using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Data.Entities;

/// <summary>
/// The procedure's settings as administrators edit them (one row). Defaults are those of domain.md.
/// </summary>
public sealed class ProcedureSettings
{
    public const int SingletonId = 1;
    public const int TimeZoneIdLength = 64;

    public int Id { get; set; } = SingletonId;

    public int DispatchMinutes { get; set; } = 20;

    public int ResolutionMinorHours { get; set; } = 24;

    public int ResolutionImportantHours { get; set; } = 72;

    public int ResolutionMajorHours { get; set; } = 7 * 24;

    public int ResolutionBHours { get; set; } = 15 * 24;

    public int ResolutionCHours { get; set; } = 48;

    public int MajorProgressHours { get; set; } = 24;

    public int FollowUpHours { get; set; } = 72;

    public int FollowUpAttemptsBeforeUnreachable { get; set; } = 3;

    public int RaisesForMajor { get; set; } = 2;

    public int DaysUnresolvedForMajor { get; set; } = 30;

    public int GroupComplainantCount { get; set; } = 10;

    /// <summary>Window in which complaints of one project and topic are suggested as one incident.</summary>
    public int GroupWindowHours { get; set; } = 72;

    /// <summary>How often the background clock checks open complaints against their limits.</summary>
    public int ClockIntervalSeconds { get; set; } = 60;
    /// <summary>Days after closing in which the same complainant raising the same problem is offered as a repeat raise.</summary>
    public int RepeatWindowDays { get; set; } = 30;

    public string TimeZoneId { get; set; } = CompanyCalendar.DefaultTimeZoneId;

    /// <summary>Optimistic concurrency between two admins editing at once.</summary>
    public int Version { get; set; }

    public ClassificationPolicy ToClassificationPolicy() => new()
    {
        RaisesForMajor = RaisesForMajor,
        DaysUnresolvedForMajor = DaysUnresolvedForMajor,
        GroupComplainantCount = GroupComplainantCount,
    };

    public TimeLimitPolicy ToTimeLimitPolicy() => new()
    {
        Dispatch = TimeSpan.FromMinutes(DispatchMinutes),
        ResolutionMinor = TimeSpan.FromHours(ResolutionMinorHours),
        ResolutionImportant = TimeSpan.FromHours(ResolutionImportantHours),
        ResolutionMajor = TimeSpan.FromHours(ResolutionMajorHours),
        ResolutionB = TimeSpan.FromHours(ResolutionBHours),
        ResolutionC = TimeSpan.FromHours(ResolutionCHours),
        MajorProgressInterval = TimeSpan.FromHours(MajorProgressHours),
        FollowUp = TimeSpan.FromHours(FollowUpHours),
        FollowUpAttemptsBeforeUnreachable = FollowUpAttemptsBeforeUnreachable,
    };

    public CompanyCalendar ToCalendar() =>
        CompanyCalendar.IsKnownTimeZone(TimeZoneId) ? CompanyCalendar.FromId(TimeZoneId) : CompanyCalendar.Default;
}

/// <summary>The last sequence number given out in a local month; numbers are never reused.</summary>
public sealed class MonthlySequence
{
    /// <summary>yyyyMM.</summary>
    public string Month { get; set; } = string.Empty;

    public int LastValue { get; set; }
}

/// <summary>A photo or document attached to a complaint; the bytes live in the attachment store.</summary>
public sealed class Attachment
{
    public const int FileNameLength = 200;
    public const int ContentTypeLength = 100;
    public const int StorageKeyLength = 200;

    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>Where the store keeps the bytes (a relative path for the file store).</summary>
    public string StorageKey { get; set; } = string.Empty;

    public DateTime UploadedAt { get; set; }

    public string UploadedById { get; set; } = string.Empty;

    public string UploadedByName { get; set; } = string.Empty;
}
