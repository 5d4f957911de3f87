using System.Globalization;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Domain.Procedure;

namespace ComplaintDesk.Domain.TimeLimits;

/// <summary>
/// The clock of open corrective actions (整改措施), apart from the complaint's own limits: an action still open after its
/// due date is 整改逾期 (level 1, the project's supervisors, naming the owner department); still open after as long again
/// as it was given, 整改逾期升级 (level 2, the managers). Each is recorded once per (complaint, kind, cycle), the cycle
/// being the action and its round (<see cref="CorrectiveAction.Cycle"/>), like every escalation
/// (docs/decisions/0003-escalations-exactly-once.md). The complaint's status does not matter: a closed complaint's
/// actions are watched until done.
/// </summary>
public static class CorrectiveActionClock
{
    /// <param name="recorded">The (kind, cycle) pairs already recorded for the complaint; what this look records is added.</param>
    public static ClockLook Look(Complaint complaint, ISet<(EscalationKind Kind, long Cycle)> recorded, DateTime now, ProcedurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(policy);
        var added = new List<Escalation>();
        Escalation? announce = null;
        foreach (var action in complaint.CorrectiveActions.Where(a => a.Status == CorrectiveActionStatus.Open).OrderBy(a => a.No))
        {
            var what = $"整改措施 {action.No}「{Short(action.Description)}」";
            var due = $"应于 {action.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 前完成";
            if (action.IsOverdueAt(now) && recorded.Add((EscalationKind.CorrectiveActionOverdue, action.Cycle)))
            {
                added.Add(Record(complaint, EscalationKind.CorrectiveActionOverdue, action, now, TimelineKind.Overdue,
                    $"整改逾期：{what}{due}，责任部门 {action.OwnerDepartmentName}，提交客服主管督办"));
            }

            if (action.IsOverdueAt(now) && now >= action.DueAt + action.Period
                && recorded.Add((EscalationKind.CorrectiveActionEscalated, action.Cycle)))
            {
                announce = Record(complaint, EscalationKind.CorrectiveActionEscalated, action, now, TimelineKind.Escalated,
                    $"整改逾期升级：{what}{due}，逾期已超过整改期限（{EscalationText.Limit(action.Period)}），责任部门 {action.OwnerDepartmentName}，提交经理督办");
                added.Add(announce);
            }

            action.ClockLooked(now);
        }

        return new ClockLook(added, announce);
    }

    private static Escalation Record(Complaint complaint, EscalationKind kind, CorrectiveAction action, DateTime now, TimelineKind timelineKind, string detail)
    {
        complaint.Note(timelineKind, null, detail, Actor.System, now);
        return new Escalation(complaint.Id, complaint.ProjectId, kind, action.Cycle, now, action.DueAt, action.Period,
            detail.Length > Escalation.DetailLength ? detail[..Escalation.DetailLength] : detail);
    }

    private static string Short(string text) => text.Length <= 30 ? text : string.Concat(text.AsSpan(0, 30), "…");
}
