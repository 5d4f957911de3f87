using System.Globalization;

namespace ComplaintDesk.Domain.TimeLimits;

/// <summary>The Chinese words of the escalation queue.</summary>
public static class EscalationText
{
    public static string Of(EscalationKind kind) => kind switch
    {
        EscalationKind.DispatchOverdue => "派单超时",
        EscalationKind.ProgressOverdue => "进展报告超时",
        EscalationKind.ResolutionOverdue => "处理超时",
        EscalationKind.FollowUpOverdue => "回访超时",
        EscalationKind.Level1 => "一级升级",
        EscalationKind.Level2 => "二级升级",
        EscalationKind.UpgradedToMajor => "升级为重大投诉",
        EscalationKind.ReferralSignForOverdue => "转办签收超时",
        EscalationKind.ReferralFirstFeedbackOverdue => "转办首次反馈超时",
        EscalationKind.ReferralCompletionOverdue => "转办办结超时",
        EscalationKind.CorrectiveActionOverdue => "整改逾期",
        EscalationKind.CorrectiveActionEscalated => "整改逾期升级",
        _ => kind.ToString(),
    };

    public static EscalationKind OverdueKindOf(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Dispatch => EscalationKind.DispatchOverdue,
        DeadlineKind.Progress => EscalationKind.ProgressOverdue,
        DeadlineKind.FollowUp => EscalationKind.FollowUpOverdue,
        DeadlineKind.ReferralSignFor => EscalationKind.ReferralSignForOverdue,
        DeadlineKind.ReferralFirstFeedback => EscalationKind.ReferralFirstFeedbackOverdue,
        DeadlineKind.ReferralCompletion => EscalationKind.ReferralCompletionOverdue,
        _ => EscalationKind.ResolutionOverdue,
    };

    /// <summary>The level an escalation puts the complaint at: 1 supervisors, 2 managers too.</summary>
    public static int LevelOf(EscalationKind kind) => IsManagers(kind) ? 2 : 1;

    /// <summary>The kinds that put a complaint in front of the managers (level 2).</summary>
    public static bool IsManagers(EscalationKind kind) =>
        kind is EscalationKind.Level2 or EscalationKind.UpgradedToMajor or EscalationKind.CorrectiveActionEscalated;

    public static bool IsOverdue(EscalationKind kind) => kind <= EscalationKind.FollowUpOverdue || IsReferral(kind);

    /// <summary>A referring body's deadline missed.</summary>
    public static bool IsReferral(EscalationKind kind) =>
        kind is EscalationKind.ReferralSignForOverdue or EscalationKind.ReferralFirstFeedbackOverdue or EscalationKind.ReferralCompletionOverdue;

    /// <summary>"处理超时 5 小时（时限 24 小时）".</summary>
    public static string Overdue(EscalationKind kind, TimeSpan by, TimeSpan limit) =>
        $"{Of(kind)} {Span(by)}（时限 {Limit(limit)}）";

    /// <summary>A limit as the desk says it: "20 分钟", "24 小时", "72 小时", "7 天".</summary>
    public static string Limit(TimeSpan limit) =>
        limit < TimeSpan.FromHours(1) || limit.TotalMinutes % 60 != 0 ? TimeLimitPolicy.Describe(limit)
        : limit <= TimeSpan.FromHours(72) || limit.TotalHours % 24 != 0 ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalHours:0} 小时")
        : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalDays:0} 天");

    /// <summary>A span rounded for people: "25 分钟", "5 小时", "2 天 3 小时".</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "不到 1 分钟";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} 分钟");
        }

        if (span < TimeSpan.FromDays(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} 小时");
        }

        var hours = span.Hours;
        return hours == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{span.Days} 天")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Days} 天 {hours} 小时");
    }
}
