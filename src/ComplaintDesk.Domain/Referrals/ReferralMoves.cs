using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Referrals;

/// <summary>One row of the referral table: a move on a complaint's referral, the complaint states it is made in, who makes it.</summary>
public sealed record ReferralMoveRule(
    ReferralMove Move,
    string Label,
    IReadOnlyList<ComplaintStatus> From,
    IReadOnlyList<StaffRole> Roles,
    bool ReasonRequired);

/// <summary>
/// The referral's moves as data, beside the complaint's lifecycle table (<see cref="Lifecycle"/>): the aggregate enforces
/// them and the details page draws its referral buttons from them. None changes the complaint's status.
/// </summary>
public static class ReferralMoves
{
    private static readonly StaffRole[] _desk = [StaffRole.Clerk, StaffRole.Supervisor];
    private static readonly StaffRole[] _supervisor = [StaffRole.Supervisor];

    private static readonly ComplaintStatus[] _running =
        [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold, ComplaintStatus.Resolved];

    public static IReadOnlyList<ReferralMoveRule> Rules { get; } =
    [
        new(ReferralMove.Record, "登记转办", _running, _desk, false),
        new(ReferralMove.SignFor, "签收", _running, _desk, false),
        new(ReferralMove.FirstFeedback, "首次反馈", _running, _desk, false),
        new(ReferralMove.Reply, "办结反馈", [ComplaintStatus.InProgress, ComplaintStatus.Resolved], _desk, false),
        new(ReferralMove.RequestExtension, "申请延期", _running, _desk, true),
        new(ReferralMove.RequestReturn, "申请退单", _running, _desk, true),
        new(ReferralMove.DecideRequest, "记录申请结果", _running, _supervisor, false),
        new(ReferralMove.RecordSatisfaction, "记录转办满意度", [ComplaintStatus.Resolved, ComplaintStatus.Closed], _desk, false),
    ];

    public static ReferralMoveRule RuleFor(ReferralMove move) => Rules.Single(r => r.Move == move);

    /// <summary>Why <paramref name="actor"/> may not make <paramref name="move"/> on <paramref name="complaint"/> now, or null.</summary>
    public static DomainRuleException? Refusal(ReferralMove move, Complaint complaint, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(actor);
        var rule = RuleFor(move);
        if (!rule.From.Contains(complaint.Status))
        {
            return new DomainRuleException(
                RuleCodes.MoveNotAllowedInStatus, $"投诉当前为「{Lifecycle.LabelOf(complaint.Status)}」，不能{rule.Label}。");
        }

        if (!rule.Roles.Any(actor.IsIn))
        {
            return new DomainRuleException(
                RuleCodes.RoleNotAllowed, $"只有{string.Join("或", rule.Roles.Select(Lifecycle.RoleLabel))}可以{rule.Label}。");
        }

        var referral = complaint.Referral;
        if (move == ReferralMove.Record)
        {
            return referral is null
                ? null
                : new DomainRuleException(RuleCodes.ReferralExists, $"该投诉已登记转办（{referral.SourceName} 工单号 {referral.TicketNumber}）。");
        }

        if (referral is null)
        {
            return new DomainRuleException(RuleCodes.ReferralMissing, $"该投诉不是转办投诉，不能{rule.Label}。");
        }

        if (!referral.IsActive && move != ReferralMove.RecordSatisfaction)
        {
            return new DomainRuleException(RuleCodes.ReferralState, $"该转办已退单，不能{rule.Label}。");
        }

        return move switch
        {
            ReferralMove.SignFor when referral.SignedForEffective is not null => State("该转办已签收。"),
            ReferralMove.FirstFeedback when referral.FirstFeedbackEffective is not null => State("该转办已做过首次反馈。"),
            ReferralMove.Reply when referral.ReplySentAt is not null => State("该转办已录入办结反馈。"),
            ReferralMove.RequestExtension or ReferralMove.RequestReturn when referral.ReplySentAt is not null =>
                State($"该转办已办结反馈，不能{rule.Label}。"),
            ReferralMove.RequestExtension or ReferralMove.RequestReturn when referral.PendingRequest is { } pending =>
                State($"该转办的{ReferralLabels.Of(pending)}尚待转办单位答复，不能再{rule.Label}。"),
            ReferralMove.RequestExtension when referral.CompletionDue is null => State("该转办未设办结时限，无需申请延期。"),
            ReferralMove.DecideRequest when referral.PendingRequest is null => State("该转办没有待答复的延期或退单申请。"),
            ReferralMove.RecordSatisfaction when referral.ReplySentAt is null => State("须先录入办结反馈，转办单位才会给出满意度。"),
            ReferralMove.RecordSatisfaction when referral.Satisfaction is not null => State("已记录转办单位的满意度。"),
            _ => null,
        };

        static DomainRuleException State(string message) => new(RuleCodes.ReferralState, message);
    }

    /// <summary>The referral moves <paramref name="actor"/> may make now: the details page's referral buttons.</summary>
    public static IReadOnlyList<ReferralMove> Allowed(Complaint complaint, Actor actor) =>
        Rules.Where(r => Refusal(r.Move, complaint, actor) is null).Select(r => r.Move).ToList();
}
