namespace ComplaintDesk.Domain.Complaints;

/// <summary>
/// The 回访 rules a centre runs beyond the written procedure (docs/decisions/0010-follow-up-rules.md); each is a setting,
/// on by default.
/// </summary>
public sealed record FollowUpRules
{
    /// <summary>The person who records a follow-up is not the person who resolved the complaint.</summary>
    public bool NotByResolver { get; init; } = true;

    /// <summary>Major and important complaints are followed up by a supervisor or a manager.</summary>
    public bool SeniorForMajorAndImportant { get; init; } = true;

    /// <summary>A complaint resolved again after a dissatisfied follow-up is followed up again (二次回访) before it closes.</summary>
    public bool SecondAfterDissatisfied { get; init; } = true;

    /// <summary>The unanswered attempts that allow closing as 无法联系 count once per day (in the company's zone).</summary>
    public bool UnreachableOnDifferentDays { get; init; } = true;

    public static FollowUpRules Default { get; } = new();

    /// <summary>Every rule off: follow-ups as before the rules (one attempt count, anyone at the desk).</summary>
    public static FollowUpRules None { get; } = new()
    {
        NotByResolver = false,
        SeniorForMajorAndImportant = false,
        SecondAfterDissatisfied = false,
        UnreachableOnDifferentDays = false,
    };
}

/// <summary>
/// What a follow-up records beyond its outcome: the number called (phone follow-ups; the complainant's phone when not
/// given) and when the attempt was made (now when not given).
/// </summary>
public sealed record FollowUpCall(string? PhoneCalled = null, DateTime? AttemptedAt = null);
