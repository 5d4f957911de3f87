using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Data.Entities;

/// <summary>
/// The stored form of the <see cref="ProcedurePolicy"/> (one row, whole minutes, hours and days). Its defaults are the
/// domain's (<see cref="ProcedurePolicy.Default"/>); the row is seeded with them. Change it through
/// <see cref="ProcedurePolicies.ChangeAsync"/>, which also has running complaints looked at again.
/// </summary>
public sealed class ProcedureSettings
{
    public const int SingletonId = 1;
    public const int TimeZoneIdLength = 64;

    private static readonly ProcedurePolicy _defaults = ProcedurePolicy.Default;

    public int Id { get; set; } = SingletonId;

    public int DispatchMinutes { get; set; } = Minutes(_defaults.TimeLimits.Dispatch);

    public int ResolutionMinorHours { get; set; } = Hours(_defaults.TimeLimits.ResolutionMinor);

    public int ResolutionImportantHours { get; set; } = Hours(_defaults.TimeLimits.ResolutionImportant);

    public int ResolutionMajorHours { get; set; } = Hours(_defaults.TimeLimits.ResolutionMajor);

    public int ResolutionBHours { get; set; } = Hours(_defaults.TimeLimits.ResolutionB);

    public int ResolutionCHours { get; set; } = Hours(_defaults.TimeLimits.ResolutionC);

    public int MajorProgressHours { get; set; } = Hours(_defaults.TimeLimits.MajorProgressInterval);

    public int FollowUpHours { get; set; } = Hours(_defaults.TimeLimits.FollowUp);

    public int FollowUpAttemptsBeforeUnreachable { get; set; } = _defaults.TimeLimits.FollowUpAttemptsBeforeUnreachable;

    public int RaisesForMajor { get; set; } = _defaults.Classification.RaisesForMajor;

    public int DaysUnresolvedForMajor { get; set; } = _defaults.Classification.DaysUnresolvedForMajor;

    /// <summary>Raises without resolution that make a repeat complaint (重复投诉).</summary>
    public int RepeatRaises { get; set; } = _defaults.Classification.RepeatRaises;

    public int GroupComplainantCount { get; set; } = _defaults.Classification.GroupComplainantCount;

    /// <summary>Window in which complaints of one project and topic are suggested as one incident.</summary>
    public int GroupWindowHours { get; set; } = Hours(_defaults.GroupWindow);

    /// <summary>How often the background clock checks open complaints against their limits.</summary>
    public int ClockIntervalSeconds { get; set; } = _defaults.ClockIntervalSeconds;

    /// <summary>Days after closing in which the same complainant raising the same problem is offered as a repeat raise.</summary>
    public int RepeatWindowDays { get; set; } = _defaults.RepeatWindowDays;

    public string TimeZoneId { get; set; } = CompanyCalendar.DefaultTimeZoneId;

    /// <summary>回访不能由处理完成的人记录.</summary>
    public bool FollowUpNotByResolver { get; set; } = _defaults.FollowUps.NotByResolver;

    /// <summary>重大、重要投诉由客服主管或经理回访.</summary>
    public bool FollowUpSeniorForMajorAndImportant { get; set; } = _defaults.FollowUps.SeniorForMajorAndImportant;

    /// <summary>回访不满意、再次处理完成后须二次回访.</summary>
    public bool FollowUpSecondAfterDissatisfied { get; set; } = _defaults.FollowUps.SecondAfterDissatisfied;

    /// <summary>无法联系结案前的未接通尝试须在不同日期.</summary>
    public bool FollowUpUnreachableOnDifferentDays { get; set; } = _defaults.FollowUps.UnreachableOnDifferentDays;

    /// <summary>Optimistic concurrency between two admins editing at once.</summary>
    public int Version { get; set; }

    public ClassificationPolicy ToClassificationPolicy() => new()
    {
        RaisesForMajor = RaisesForMajor,
        DaysUnresolvedForMajor = DaysUnresolvedForMajor,
        GroupComplainantCount = GroupComplainantCount,
        RepeatRaises = RepeatRaises,
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

    public ProcedurePolicy ToPolicy() => new()
    {
        Classification = ToClassificationPolicy(),
        TimeLimits = ToTimeLimitPolicy(),
        Calendar = ToCalendar(),
        FollowUps = new FollowUpRules
        {
            NotByResolver = FollowUpNotByResolver,
            SeniorForMajorAndImportant = FollowUpSeniorForMajorAndImportant,
            SecondAfterDissatisfied = FollowUpSecondAfterDissatisfied,
            UnreachableOnDifferentDays = FollowUpUnreachableOnDifferentDays,
        },
        GroupWindow = TimeSpan.FromHours(GroupWindowHours),
        RepeatWindowDays = RepeatWindowDays,
        ClockIntervalSeconds = ClockIntervalSeconds,
    };

    /// <summary>Copies a policy onto the row; a limit that is not a whole number of the stored unit is refused.</summary>
    public void Apply(ProcedurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var limits = policy.TimeLimits;
        DispatchMinutes = Minutes(limits.Dispatch);
        ResolutionMinorHours = Hours(limits.ResolutionMinor);
        ResolutionImportantHours = Hours(limits.ResolutionImportant);
        ResolutionMajorHours = Hours(limits.ResolutionMajor);
        ResolutionBHours = Hours(limits.ResolutionB);
        ResolutionCHours = Hours(limits.ResolutionC);
        MajorProgressHours = Hours(limits.MajorProgressInterval);
        FollowUpHours = Hours(limits.FollowUp);
        FollowUpAttemptsBeforeUnreachable = limits.FollowUpAttemptsBeforeUnreachable;
        RaisesForMajor = policy.Classification.RaisesForMajor;
        DaysUnresolvedForMajor = policy.Classification.DaysUnresolvedForMajor;
        GroupComplainantCount = policy.Classification.GroupComplainantCount;
        RepeatRaises = policy.Classification.RepeatRaises;
        GroupWindowHours = Hours(policy.GroupWindow);
        RepeatWindowDays = policy.RepeatWindowDays;
        ClockIntervalSeconds = policy.ClockIntervalSeconds;
        TimeZoneId = policy.Calendar.TimeZone.Id;
        FollowUpNotByResolver = policy.FollowUps.NotByResolver;
        FollowUpSeniorForMajorAndImportant = policy.FollowUps.SeniorForMajorAndImportant;
        FollowUpSecondAfterDissatisfied = policy.FollowUps.SecondAfterDissatisfied;
        FollowUpUnreachableOnDifferentDays = policy.FollowUps.UnreachableOnDifferentDays;
    }

    private static int Minutes(TimeSpan span) => Whole(span.TotalMinutes, "minutes");

    private static int Hours(TimeSpan span) => Whole(span.TotalHours, "hours");

    private static int Whole(double value, string unit) =>
        value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"The settings row stores whole {unit}.");
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
