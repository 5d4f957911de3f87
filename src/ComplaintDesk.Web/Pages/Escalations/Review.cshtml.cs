using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Escalations;

/// <summary>督办一件投诉: its escalations, and the supervisor's acknowledge, dispatch, reassign and reclassify forms.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class ReviewModel(
    ComplaintQueries queries,
    EscalationQueue queue,
    ComplaintWorkflow workflow,
    ProcedurePolicies policies,
    ComplaintDeskDbContext db,
    CurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public long EventId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public DispatchInput Dispatch { get; set; } = new();

    [BindProperty]
    public DispatchInput Reassign { get; set; } = new();

    [BindProperty]
    public ReclassifyInput Reclassify { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Complaint Complaint { get; private set; } = null!;

    public IReadOnlyList<QueueRow> Escalations { get; private set; } = [];

    public IReadOnlyList<string> Reasons { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public bool CanAct => staff.IsInRole(Roles.Supervisor);

    public bool CanDispatch { get; private set; }

    public bool CanReassign { get; private set; }

    public bool CanReclassify { get; private set; }

    public ProcedurePolicy Policy { get; private set; } = null!;

    public string Local(DateTime utc) => Policy.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Prefill(reassign: true, reclassify: true);
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken) =>
        ActAsync("Note", "已确认该升级事项。", () => queue.AcknowledgeAsync(EventId, Note, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDispatchAsync(CancellationToken cancellationToken) =>
        ActAsync(nameof(Dispatch), "已派单。", () => workflow.DispatchAsync(Id, Dispatch, Version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(CancellationToken cancellationToken) =>
        ActAsync(nameof(Reassign), "已改派。", () => workflow.ReassignAsync(Id, Reassign, Version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReclassifyAsync(CancellationToken cancellationToken) =>
        ActAsync(nameof(Reclassify), "已重新分类，原分类保留在时间线中。", () => workflow.ReclassifyAsync(Id, Reclassify, Version, cancellationToken), cancellationToken);

    public static string StatusLabel(ComplaintStatus status) => Lifecycle.LabelOf(status);

    /// <summary>Fills the forms from the complaint, except the one whose posted values are shown again with their errors.</summary>
    private void Prefill(bool reassign, bool reclassify)
    {
        var facts = Complaint.Facts;
        if (reclassify)
        {
            Reclassify = ReclassifyInput.From(facts);
        }

        if (reassign)
        {
            Reassign = new DispatchInput { DepartmentId = Complaint.DepartmentId, AssigneeName = Complaint.AssigneeName, ExternalParty = Complaint.ExternalParty };
        }
    }

    private async Task<IActionResult> ActAsync(string prefix, string done, Func<Task> action, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        try
        {
            await action();
            Message = done;
            return RedirectToPage(new { Id });
        }
        catch (Exception ex) when (ex is ComplaintNotFoundException or EscalationNotFoundException)
        {
            return NotFound();
        }
        catch (InputValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                var key = prefix == "Note" ? "Note" : $"{prefix}.{field}";
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }
        catch (Exception ex) when (ex is DomainRuleException or ConcurrencyConflictException)
        {
            ModelState.AddModelError(prefix == "Note" ? "Note" : string.Empty, ex.Message);
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Prefill(reassign: prefix != nameof(Reassign), reclassify: prefix != nameof(Reclassify));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var complaint = await queries.FindAsync(Id, cancellationToken);
        if (complaint is null)
        {
            return false;
        }

        Complaint = complaint;
        Policy = await policies.GetAsync(cancellationToken);
        Escalations = await queue.ForComplaintAsync(Id, cancellationToken);
        Reasons = EscalationQueue.ReasonsOf(complaint, Policy);
        var moves = complaint.AllowedMoves(staff.Actor, Policy.TimeLimits, Policy.FollowUps, Policy.Calendar);
        CanDispatch = moves.Contains(ComplaintMove.Dispatch);
        CanReassign = moves.Contains(ComplaintMove.Reassign);
        CanReclassify = moves.Contains(ComplaintMove.Reclassify);
        Version ??= complaint.Version;
        Departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Id)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);
        return true;
    }
}
