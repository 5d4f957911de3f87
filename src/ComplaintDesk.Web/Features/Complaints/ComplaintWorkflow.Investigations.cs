using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Web.Features.Investigations;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>The investigation's moves (调查处理报告, 整改措施; docs/decisions/0014-investigations.md).</summary>
public sealed partial class ComplaintWorkflow
{
    /// <summary>The moves that need the investigation and its actions loaded (withdrawing cancels unfinished actions).</summary>
    internal static bool NeedsInvestigation(Enum move) => move is ComplaintMove.WriteInvestigation or ComplaintMove.ApproveInvestigation
        or ComplaintMove.ReturnInvestigation or ComplaintMove.CompleteCorrectiveAction or ComplaintMove.VerifyCorrectiveAction or ComplaintMove.Withdraw;

    public Task<Complaint> WriteInvestigationAsync(long id, InvestigationInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.WriteInvestigation, async (c, p, now) =>
        {
            var filled = input.FilledActions().ToList();
            var wanted = filled.Select(a => a.Action.OwnerDepartmentId!.Value).Append(input.ResponsibleDepartmentId!.Value).Distinct().ToList();
            var departments = await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Id) && d.IsActive)
                .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
            if (!departments.TryGetValue(input.ResponsibleDepartmentId!.Value, out var responsible))
            {
                throw InputValidationException.For(nameof(InvestigationInput.ResponsibleDepartmentId), "请选择有效的责任部门。");
            }

            var plans = new List<CorrectiveActionPlan>();
            foreach (var (index, action) in filled)
            {
                if (!departments.TryGetValue(action.OwnerDepartmentId!.Value, out var owner))
                {
                    throw InputValidationException.For(
                        $"{nameof(InvestigationInput.Actions)}[{index}].{nameof(CorrectiveActionInput.OwnerDepartmentId)}", $"第 {index + 1} 项整改措施的责任部门无效。");
                }

                plans.Add(new CorrectiveActionPlan(action.Description!, action.OwnerDepartmentId.Value, owner, action.DueOn!.Value));
            }

            c.WriteInvestigation(
                new InvestigationReport(input.WhatHappened!, input.Cause!, input.ResponsibleDepartmentId.Value, responsible, input.ResponsiblePerson, plans),
                staff.Actor, now, p.Calendar);
        }, cancellationToken);

    public Task<Complaint> ApproveInvestigationAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.ApproveInvestigation, (c, p, now) => c.ApproveInvestigation(input.Note, staff.Actor, now), cancellationToken);

    public Task<Complaint> ReturnInvestigationAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.ReturnInvestigation, (c, p, now) => c.ReturnInvestigation(input.Note!, staff.Actor, now), cancellationToken);

    public Task<Complaint> CompleteCorrectiveActionAsync(long id, CompleteActionInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.CompleteCorrectiveAction,
            (c, p, now) => c.CompleteCorrectiveAction(input.No!.Value, input.Note!, staff.Actor, now), cancellationToken);

    public Task<Complaint> VerifyCorrectiveActionAsync(long id, VerifyActionInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.VerifyCorrectiveAction,
            (c, p, now) => c.VerifyCorrectiveAction(input.No!.Value, input.Result!.Value, input.Note, input.NewDueOn, staff.Actor, now, p.Calendar), cancellationToken);
}
