namespace ComplaintDesk.Domain.Complaints;

/// <summary>One row of the lifecycle table: a move, the states it starts from, who may make it.</summary>
public sealed record MoveRule(
    ComplaintMove Move,
    string Label,
    IReadOnlyList<ComplaintStatus> From,
    IReadOnlyList<StaffRole> Roles,
    bool ReasonRequired);

/// <summary>
/// The lifecycle of domain.md as data. The aggregate enforces it, and pages draw their buttons from it,
/// so the UI cannot offer a move the domain refuses.
/// </summary>
public static class Lifecycle
{
    private static readonly StaffRole[] _desk = [StaffRole.Clerk, StaffRole.Supervisor];
    private static readonly StaffRole[] _supervisor = [StaffRole.Supervisor];
    private static readonly StaffRole[] _manager = [StaffRole.Manager];
    private static readonly ComplaintStatus[] _investigating =
        [ComplaintStatus.InProgress, ComplaintStatus.OnHold, ComplaintStatus.Resolved, ComplaintStatus.Closed];

    public static IReadOnlyList<MoveRule> Rules { get; } =
    [
        new(ComplaintMove.Dispatch, "派单", [ComplaintStatus.Registered], _desk, false),
        new(ComplaintMove.Reassign, "改派", [ComplaintStatus.InProgress], _desk, false),
        new(ComplaintMove.RecordProgress, "处理进展", [ComplaintStatus.InProgress], _desk, false),
        new(ComplaintMove.PutOnHold, "挂起", [ComplaintStatus.InProgress], _desk, true),
        new(ComplaintMove.Resume, "恢复", [ComplaintStatus.OnHold], _desk, false),
        new(ComplaintMove.Resolve, "处理完成", [ComplaintStatus.InProgress], _desk, false),
        new(ComplaintMove.RecordFollowUp, "回访", [ComplaintStatus.Resolved], _desk, false),
        new(ComplaintMove.CloseUnreachable, "结案（无法联系）", [ComplaintStatus.Resolved], _supervisor, true),
        new(ComplaintMove.Reopen, "重新打开", [ComplaintStatus.Closed], _supervisor, true),
        new(ComplaintMove.Reclassify, "重新分类",
            [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold, ComplaintStatus.Resolved, ComplaintStatus.Closed],
            _supervisor, true),
        new(ComplaintMove.Withdraw, "撤销", [ComplaintStatus.Registered, ComplaintStatus.InProgress], _supervisor, true),
        new(ComplaintMove.RecordRepeatRaise, "记录重复反映",
            [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold], _desk, false),
        new(ComplaintMove.HandOver, "转交",
            [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold, ComplaintStatus.Resolved], _desk, true),

        // The investigation and its corrective actions (docs/decisions/0014-investigations.md): written once the work has
        // started, and still after closing (a complaint reclassified as major once closed; actions outlive the complaint).
        new(ComplaintMove.WriteInvestigation, "填写调查处理报告", _investigating, _supervisor, false),
        new(ComplaintMove.ApproveInvestigation, "审核通过调查处理报告", _investigating, _manager, false),
        new(ComplaintMove.ReturnInvestigation, "退回调查处理报告", _investigating, _manager, true),
        new(ComplaintMove.CompleteCorrectiveAction, "整改完成", _investigating, _desk, true),
        new(ComplaintMove.VerifyCorrectiveAction, "整改验证", _investigating, _supervisor, false),
    ];

    public static MoveRule RuleFor(ComplaintMove move) => Rules.Single(r => r.Move == move);

    /// <summary>Registered, in progress or on hold: still unresolved (3.1.2(c) counts these days).</summary>
    public static bool IsOpen(ComplaintStatus status) =>
        status is ComplaintStatus.Registered or ComplaintStatus.InProgress or ComplaintStatus.OnHold;

    public static string LabelOf(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Registered => "待派单",
        ComplaintStatus.InProgress => "处理中",
        ComplaintStatus.OnHold => "挂起",
        ComplaintStatus.Resolved => "待回访",
        ComplaintStatus.Closed => "已结案",
        ComplaintStatus.Withdrawn => "已撤销",
        _ => status.ToString(),
    };

    /// <summary>
    /// Why <paramref name="actor"/> may not make <paramref name="move"/> now, or null when it may.
    /// </summary>
    public static DomainRuleException? Refusal(ComplaintMove move, ComplaintStatus status, Actor actor)
    {
        var rule = RuleFor(move);
        if (!rule.From.Contains(status))
        {
            return new DomainRuleException(
                RuleCodes.MoveNotAllowedInStatus,
                $"投诉当前为「{LabelOf(status)}」，不能{rule.Label}。");
        }

        // The system actor has no role on purpose: the clock applies only automatic rules (3.1.2(c)),
        // never a person's move such as withdrawing or reopening.
        if (!rule.Roles.Any(actor.IsIn))
        {
            var who = string.Join("或", rule.Roles.Select(RoleLabel));
            return new DomainRuleException(RuleCodes.RoleNotAllowed, $"只有{who}可以{rule.Label}。");
        }

        return null;
    }

    public static string RoleLabel(StaffRole role) => role switch
    {
        StaffRole.Clerk => "客服专员",
        StaffRole.Supervisor => "客服主管",
        StaffRole.Manager => "经理",
        StaffRole.Admin => "系统管理员",
        _ => role.ToString(),
    };
}
