using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Investigations;

namespace ComplaintDesk.Domain.Complaints;

/// <summary>
/// The investigation of a major complaint (调查处理报告) and its corrective actions (整改措施): a supervisor writes it, a
/// manager approves or returns it; a major complaint is not closed without an approved one
/// (docs/decisions/0014-investigations.md).
/// </summary>
public sealed partial class Complaint
{
    private readonly List<CorrectiveAction> _correctiveActions = [];

    /// <summary>The investigation's status, kept on the complaint so that the close rule needs nothing else loaded; null when none is written.</summary>
    public InvestigationStatus? InvestigationStatus { get; private set; }

    /// <summary>The report itself; loaded only where it is shown or changed.</summary>
    public Investigation? Investigation { get; private set; }

    /// <summary>The report's corrective actions, replaced ones included (<see cref="CorrectiveActionStatus.Cancelled"/>); loaded with the report.</summary>
    public IReadOnlyList<CorrectiveAction> CorrectiveActions => _correctiveActions.AsReadOnly();

    /// <summary>The actions of the current report (not the replaced or cancelled ones), in their order.</summary>
    public IEnumerable<CorrectiveAction> CurrentCorrectiveActions =>
        _correctiveActions.Where(a => a.Status != CorrectiveActionStatus.Cancelled || a.OpenedAt is not null).OrderBy(a => a.No);

    /// <summary>
    /// Why the complaint may not be closed for want of an investigation (a major complaint needs one approved by a
    /// manager), or null when it may.
    /// </summary>
    public DomainRuleException? InvestigationCloseRefusal() =>
        IsMajor && InvestigationStatus != Investigations.InvestigationStatus.Approved
            ? new DomainRuleException(
                RuleCodes.InvestigationRequired,
                InvestigationStatus is null
                    ? "重大投诉须由客服主管填写调查处理报告并经经理审核通过后才能结案。"
                    : $"重大投诉的调查处理报告须经经理审核通过后才能结案（当前：{InvestigationLabels.Of(InvestigationStatus.Value)}）。")
            : null;

    /// <summary>
    /// 填写调查处理报告: a supervisor writes (or revises, until it is approved) what happened, the cause, who is
    /// responsible and the corrective actions; it waits for a manager. A revision replaces the actions written before.
    /// </summary>
    public void WriteInvestigation(InvestigationReport report, Actor actor, DateTime now, CompanyCalendar calendar)
    {
        Ensure(ComplaintMove.WriteInvestigation, actor);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(calendar);
        RequireInvestigationLoaded();
        if (InvestigationStatus == Investigations.InvestigationStatus.Approved)
        {
            throw new DomainRuleException(RuleCodes.InvestigationApproved, "调查处理报告已经经理审核通过，不能再修改。");
        }

        Require(report.WhatHappened, "事情经过");
        Require(report.Cause, "原因分析");
        Require(report.ResponsibleDepartmentName, "责任部门");
        var actions = report.Actions ?? [];
        if (actions.Count == 0)
        {
            throw new DomainRuleException(RuleCodes.InvestigationNoActions, "请至少填写一项整改措施。");
        }

        if (actions.Count > Investigations.Investigation.MaxActions)
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, $"整改措施最多 {Investigations.Investigation.MaxActions} 项。");
        }

        var planned = new List<CorrectiveAction>();
        for (var i = 0; i < actions.Count; i++)
        {
            var plan = actions[i];
            Require(plan.Description, $"第 {i + 1} 项整改措施的内容");
            Require(plan.OwnerDepartmentName, $"第 {i + 1} 项整改措施的责任部门");
            var dueAt = DueAtOf(plan.DueOn, calendar);
            if (dueAt <= now)
            {
                throw new DomainRuleException(RuleCodes.CorrectiveActionDueDate, $"第 {i + 1} 项整改措施的完成期限须不早于今天。");
            }

            planned.Add(new CorrectiveAction(i + 1, plan, dueAt));
        }

        var revised = Investigation is not null;
        foreach (var draft in _correctiveActions.Where(a => a.Status == CorrectiveActionStatus.Draft))
        {
            draft.Cancel(now);
        }

        if (Investigation is null)
        {
            Investigation = new Investigation(report, actor, now);
        }
        else
        {
            Investigation.Write(report, actor, now);
        }

        _correctiveActions.AddRange(planned);
        InvestigationStatus = Investigations.InvestigationStatus.Submitted;
        var person = Blank(report.ResponsiblePerson) is { } p ? $"/{p}" : string.Empty;
        Append(now, actor, TimelineKind.InvestigationWritten, Status, Status, null,
            $"{(revised ? "修改" : "填写")}调查处理报告：责任部门 {Investigation.ResponsibleDepartmentName}{person}，整改措施 {planned.Count} 项，待经理审核");
    }

    /// <summary>审核通过: a manager (not the report's writer) approves the report; its corrective actions open and their clock starts.</summary>
    public void ApproveInvestigation(string? note, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.ApproveInvestigation, actor);
        var investigation = SubmittedInvestigation(actor);
        var drafts = _correctiveActions.Where(a => a.Status == CorrectiveActionStatus.Draft).OrderBy(a => a.No).ToList();
        if (drafts.FirstOrDefault(a => a.DueAt <= now) is { } late)
        {
            throw new DomainRuleException(
                RuleCodes.CorrectiveActionDueDate, $"第 {late.No} 项整改措施的完成期限（{late.DueOn:yyyy-MM-dd}）已过，请退回修改期限。");
        }

        investigation.Review(approved: true, note, actor, now);
        foreach (var action in drafts)
        {
            action.Open(now);
        }

        InvestigationStatus = Investigations.InvestigationStatus.Approved;
        Append(now, actor, TimelineKind.InvestigationApproved, Status, Status, Blank(note), $"调查处理报告审核通过，{drafts.Count} 项整改措施开始整改");
    }

    /// <summary>退回: a manager sends the report back to the supervisor with a reason.</summary>
    public void ReturnInvestigation(string reason, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.ReturnInvestigation, actor);
        RequireReason(reason, "退回原因");
        var investigation = SubmittedInvestigation(actor);
        investigation.Review(approved: false, reason, actor, now);
        InvestigationStatus = Investigations.InvestigationStatus.Returned;
        Append(now, actor, TimelineKind.InvestigationReturned, Status, Status, reason.Trim(), "调查处理报告被退回修改");
    }

    /// <summary>整改完成: the desk records what the owner department did; the action waits for verification and its clock stops.</summary>
    public void CompleteCorrectiveAction(int no, string note, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.CompleteCorrectiveAction, actor);
        RequireReason(note, "整改情况");
        var action = ActionOf(no, CorrectiveActionStatus.Open, "整改中");
        var late = now > action.DueAt ? "（逾期完成）" : string.Empty;
        action.Complete(note, actor, now);
        Append(now, actor, TimelineKind.CorrectiveActionCompleted, Status, Status, note.Trim(),
            $"整改措施 {no}「{Short(action.Description)}」整改完成{late}，待验证");
    }

    /// <summary>
    /// 整改验证: a supervisor verifies a completed action. Passed closes it; failed (with a reason and a new due date)
    /// opens it again, and its clock runs for the new round.
    /// </summary>
    public void VerifyCorrectiveAction(int no, VerificationResult result, string? note, DateOnly? newDueOn, Actor actor, DateTime now, CompanyCalendar calendar)
    {
        Ensure(ComplaintMove.VerifyCorrectiveAction, actor);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(result))
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, "验证结果无效。");
        }

        var action = ActionOf(no, CorrectiveActionStatus.Completed, "待验证");
        DateTime? newDueAt = null;
        if (result == VerificationResult.Failed)
        {
            RequireReason(note, "验证未通过的原因");
            if (newDueOn is not { } day)
            {
                throw new DomainRuleException(RuleCodes.CorrectiveActionDueDate, "验证未通过，请填写新的整改完成期限。");
            }

            newDueAt = DueAtOf(day, calendar);
            if (newDueAt <= now)
            {
                throw new DomainRuleException(RuleCodes.CorrectiveActionDueDate, "新的整改完成期限须不早于今天。");
            }
        }

        action.Verify(result, note, newDueOn, newDueAt, actor, now);
        var detail = result == VerificationResult.Passed
            ? $"整改措施 {no}「{Short(action.Description)}」验证通过"
            : $"整改措施 {no}「{Short(action.Description)}」验证未通过，重新整改，期限 {action.DueOn:yyyy-MM-dd}";
        Append(now, actor, TimelineKind.CorrectiveActionVerified, Status, Status, Blank(note), detail);
    }

    /// <summary>Whether any move on the investigation or its actions makes sense now (beyond the lifecycle table's status and role).</summary>
    private bool InvestigationMoveOffered(ComplaintMove move) => move switch
    {
        // Any complaint may be investigated, but the desk offers it where the procedure asks for it: a major complaint,
        // or one that already has a report.
        ComplaintMove.WriteInvestigation => InvestigationStatus != Investigations.InvestigationStatus.Approved && (IsMajor || InvestigationStatus is not null),
        ComplaintMove.ApproveInvestigation or ComplaintMove.ReturnInvestigation => InvestigationStatus == Investigations.InvestigationStatus.Submitted,
        ComplaintMove.CompleteCorrectiveAction => InvestigationStatus == Investigations.InvestigationStatus.Approved
            && (Investigation is null || _correctiveActions.Any(a => a.Status == CorrectiveActionStatus.Open)),
        ComplaintMove.VerifyCorrectiveAction => InvestigationStatus == Investigations.InvestigationStatus.Approved
            && (Investigation is null || _correctiveActions.Any(a => a.Status == CorrectiveActionStatus.Completed)),
        _ => true,
    };

    /// <summary>A withdrawn complaint's actions that have not been done are cancelled: nobody watches them any more.</summary>
    private void CancelUnfinishedActions(DateTime now)
    {
        RequireInvestigationLoaded();
        foreach (var action in _correctiveActions.Where(a => a.Status is CorrectiveActionStatus.Draft or CorrectiveActionStatus.Open))
        {
            action.Cancel(now);
        }
    }

    private Investigation SubmittedInvestigation(Actor actor)
    {
        RequireInvestigationLoaded();
        if (Investigation is null || InvestigationStatus != Investigations.InvestigationStatus.Submitted)
        {
            throw new DomainRuleException(RuleCodes.InvestigationNotSubmitted, "没有待审核的调查处理报告。");
        }

        if (Investigation.WrittenById == actor.Id)
        {
            throw new DomainRuleException(RuleCodes.InvestigationOwnReview, "调查处理报告须由撰写人以外的经理审核。");
        }

        return Investigation;
    }

    private CorrectiveAction ActionOf(int no, CorrectiveActionStatus expected, string expectedLabel)
    {
        RequireInvestigationLoaded();
        var action = _correctiveActions.FirstOrDefault(a => a.No == no && a.Status != CorrectiveActionStatus.Cancelled)
            ?? throw new DomainRuleException(RuleCodes.CorrectiveActionNotFound, $"没有第 {no} 项整改措施。");
        if (action.Status != expected)
        {
            throw new DomainRuleException(
                RuleCodes.CorrectiveActionNotInStatus, $"第 {no} 项整改措施当前为「{InvestigationLabels.Of(action.Status)}」，不是「{expectedLabel}」。");
        }

        return action;
    }

    private void RequireInvestigationLoaded()
    {
        if (InvestigationStatus is not null && Investigation is null)
        {
            throw new InvalidOperationException($"Complaint {Number}: the investigation and its actions must be loaded to change them.");
        }
    }

    /// <summary>The end of a local day, in UTC: an action due on that day is overdue after it.</summary>
    private static DateTime DueAtOf(DateOnly dueOn, CompanyCalendar calendar) => calendar.DayRangeUtc(dueOn).EndUtc;

    private static string Short(string text) => text.Length <= 30 ? text : string.Concat(text.AsSpan(0, 30), "…");
}
