namespace ComplaintDesk.Domain.TimeLimits;

/// <summary>What the clock (or a change of classification) recorded about a complaint.</summary>
public enum EscalationKind
{
    /// <summary>派单超时.</summary>
    DispatchOverdue = 0,

    /// <summary>重大投诉进展报告超时.</summary>
    ProgressOverdue = 1,

    /// <summary>处理超时.</summary>
    ResolutionOverdue = 2,

    /// <summary>回访超时.</summary>
    FollowUpOverdue = 3,

    /// <summary>一级升级: in front of the supervisors.</summary>
    Level1 = 4,

    /// <summary>二级升级: in front of the managers too (overdue by the whole limit again, or major).</summary>
    Level2 = 5,

    /// <summary>3.1.2(c): an A complaint unresolved for the set days became major.</summary>
    UpgradedToMajor = 6,

    // A referring body's deadlines missed (政府转办), from 20 on, apart from the kinds other features add.

    /// <summary>转办签收超时.</summary>
    ReferralSignForOverdue = 20,

    /// <summary>转办首次反馈超时.</summary>
    ReferralFirstFeedbackOverdue = 21,

    /// <summary>转办办结超时.</summary>
    ReferralCompletionOverdue = 22,

    // Corrective actions (整改措施) have their own clock; numbered from 30, apart from the kinds other features add.

    /// <summary>整改逾期: an open corrective action passed its due date; in front of the supervisors.</summary>
    CorrectiveActionOverdue = 30,

    /// <summary>整改逾期升级: overdue by its whole period again; in front of the managers too.</summary>
    CorrectiveActionEscalated = 31,
}

/// <summary>
/// One escalation the clock's rules recorded for a complaint, before storage: the cycle tells repeats apart (the
/// resolution after a reopening, the next progress interval); storage keeps it once per (complaint, kind, cycle).
/// </summary>
public sealed record Escalation(
    long ComplaintId,
    int ProjectId,
    EscalationKind Kind,
    long Cycle,
    DateTime OccurredAt,
    DateTime? DueAt,
    TimeSpan? Limit,
    string Detail)
{
    /// <summary>The longest detail kept; longer ones are cut.</summary>
    public const int DetailLength = 500;
}
