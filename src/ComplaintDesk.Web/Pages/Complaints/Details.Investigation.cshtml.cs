using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Investigations;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>The investigation's forms on the details page (调查处理报告 and 整改措施; docs/decisions/0014-investigations.md).</summary>
public sealed partial class DetailsModel
{
    /// <summary>Rows offered for corrective actions when the report is written (blank ones are ignored).</summary>
    public const int ActionRows = 3;

    public InvestigationInput WriteInvestigation { get; set; } = new();

    public NoteInput ApproveInvestigation { get; set; } = new();

    public NoteInput ReturnInvestigation { get; set; } = new();

    public CompleteActionInput CompleteCorrectiveAction { get; set; } = new();

    public VerifyActionInput VerifyCorrectiveAction { get; set; } = new();

    /// <summary>The investigation's moves, shown in its own section rather than among the status moves.</summary>
    public static bool IsInvestigationMove(ComplaintMove move) => move is ComplaintMove.WriteInvestigation or ComplaintMove.ApproveInvestigation
        or ComplaintMove.ReturnInvestigation or ComplaintMove.CompleteCorrectiveAction or ComplaintMove.VerifyCorrectiveAction;

    public Task<IActionResult> OnPostWriteInvestigationAsync(long id) =>
        MoveAsync(id, ComplaintMove.WriteInvestigation, WriteInvestigation, (input, version, ct) => workflow.WriteInvestigationAsync(id, input, version, ct));

    public Task<IActionResult> OnPostApproveInvestigationAsync(long id) =>
        MoveAsync(id, ComplaintMove.ApproveInvestigation, ApproveInvestigation, (input, version, ct) => workflow.ApproveInvestigationAsync(id, input, version, ct));

    public Task<IActionResult> OnPostReturnInvestigationAsync(long id) =>
        MoveAsync(id, ComplaintMove.ReturnInvestigation, ReturnInvestigation, (input, version, ct) => workflow.ReturnInvestigationAsync(id, input, version, ct));

    public Task<IActionResult> OnPostCompleteCorrectiveActionAsync(long id) =>
        MoveAsync(id, ComplaintMove.CompleteCorrectiveAction, CompleteCorrectiveAction,
            (input, version, ct) => workflow.CompleteCorrectiveActionAsync(id, input, version, ct));

    public Task<IActionResult> OnPostVerifyCorrectiveActionAsync(long id) =>
        MoveAsync(id, ComplaintMove.VerifyCorrectiveAction, VerifyCorrectiveAction,
            (input, version, ct) => workflow.VerifyCorrectiveActionAsync(id, input, version, ct));

    /// <summary>The desk makes every move; a manager (who has no desk role) only reviews the investigation.</summary>
    private async Task<bool> MayMoveAsync(ComplaintMove move) =>
        await IsDeskAsync() || (move is ComplaintMove.ApproveInvestigation or ComplaintMove.ReturnInvestigation && User.IsInRole(Roles.Manager));

    /// <summary>The report form starts from the report as written (a revision), with spare rows for more actions.</summary>
    private void PrepareInvestigationForms(Complaint complaint)
    {
        if (OpenForm == nameof(WriteInvestigation) || !Moves.Contains(ComplaintMove.WriteInvestigation))
        {
            return;
        }

        var input = new InvestigationInput();
        if (complaint.Investigation is { } written)
        {
            input.WhatHappened = written.WhatHappened;
            input.Cause = written.Cause;
            input.ResponsibleDepartmentId = written.ResponsibleDepartmentId;
            input.ResponsiblePerson = written.ResponsiblePerson;
            input.Actions.AddRange(complaint.CorrectiveActions.Where(a => a.Status == CorrectiveActionStatus.Draft).OrderBy(a => a.No)
                .Select(a => new CorrectiveActionInput { Description = a.Description, OwnerDepartmentId = a.OwnerDepartmentId, DueOn = a.DueOn }));
        }

        input.ResponsibleDepartmentId ??= complaint.DepartmentId;
        while (input.Actions.Count < ActionRows)
        {
            input.Actions.Add(new CorrectiveActionInput());
        }

        WriteInvestigation = input;
    }
}
