using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Procedure;

/// <summary>
/// Every number of the procedure in one value: classification thresholds, time limits, the company's time zone,
/// the group window, the repeat window and the clock's interval. Administrators change it (storage keeps one row);
/// the defaults are those of domain.md.
/// </summary>
public sealed record ProcedurePolicy
{
    public const int MinGroupWindowHours = 1;
    public const int MaxGroupWindowHours = 30 * 24;
    public const int MinRepeatWindowDays = 0;
    public const int MaxRepeatWindowDays = 365;
    public const int MinClockIntervalSeconds = 10;
    public const int MaxClockIntervalSeconds = 3600;

    public ClassificationPolicy Classification { get; init; } = ClassificationPolicy.Default;

    public TimeLimitPolicy TimeLimits { get; init; } = TimeLimitPolicy.Default;

    /// <summary>Who may record a follow-up, the second follow-up, how 无法联系 attempts count.</summary>
    public FollowUpRules FollowUps { get; init; } = FollowUpRules.Default;

    /// <summary>The company's time zone: months, days and times shown are cut in it.</summary>
    public CompanyCalendar Calendar { get; init; } = CompanyCalendar.Default;

    /// <summary>Window in which complaints of one project and topic are suggested as one incident.</summary>
    public TimeSpan GroupWindow { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Days after closing in which the same complainant raising the same problem is offered as a repeat raise.</summary>
    public int RepeatWindowDays { get; init; } = 30;

    /// <summary>How often the background clock checks running complaints against their limits.</summary>
    public int ClockIntervalSeconds { get; init; } = 60;

    public static ProcedurePolicy Default { get; } = new();

    /// <summary>Problems with the values, in Chinese; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = Classification.Validate().Concat(TimeLimits.Validate()).ToList();
        if (GroupWindow < TimeSpan.FromHours(MinGroupWindowHours) || GroupWindow > TimeSpan.FromHours(MaxGroupWindowHours))
        {
            errors.Add($"群体投诉归并时间窗必须在 {MinGroupWindowHours} 到 {MaxGroupWindowHours} 小时之间。");
        }

        if (RepeatWindowDays is < MinRepeatWindowDays or > MaxRepeatWindowDays)
        {
            errors.Add($"重复反映识别期必须在 {MinRepeatWindowDays} 到 {MaxRepeatWindowDays} 天之间。");
        }

        if (ClockIntervalSeconds is < MinClockIntervalSeconds or > MaxClockIntervalSeconds)
        {
            errors.Add($"时限检查间隔必须在 {MinClockIntervalSeconds} 到 {MaxClockIntervalSeconds} 秒之间。");
        }

        return errors;
    }

    /// <summary>
    /// Whether moving from <paramref name="before"/> to this policy changes what the clock may record or when: then
    /// every running complaint must be looked at again (its stored due instants and next look follow the new values).
    /// </summary>
    public bool RequiresClockReview(ProcedurePolicy before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return TimeLimits != before.TimeLimits || Classification.DaysUnresolvedForMajor != before.Classification.DaysUnresolvedForMajor;
    }
}
