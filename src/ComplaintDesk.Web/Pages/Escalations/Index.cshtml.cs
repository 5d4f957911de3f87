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

namespace ComplaintDesk.Web.Pages.Escalations;

/// <summary>升级督办: what is late, serious or becoming a group incident, newest risk first.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class IndexModel(EscalationQueue queue, ProcedurePolicies policies, CurrentStaff staff) : PageModel
{
    /// <summary>Show acknowledged escalations too.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>The complaint whose waiting escalations are acknowledged together.</summary>
    [BindProperty]
    public long ComplaintId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Message { get; set; }

    public QueueView View { get; private set; } = null!;

    /// <summary>Managers read the queue; supervisors act on it.</summary>
    public bool CanAct => staff.IsInRole(Roles.Supervisor);

    public ProcedurePolicy Policy { get; private set; } = null!;

    public string Local(DateTime utc) => Policy.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        try
        {
            var count = await queue.AcknowledgeComplaintAsync(ComplaintId, Note, cancellationToken);
            Message = count == 0 ? "该投诉的升级事项已由他人确认。" : $"已确认该投诉的 {count} 项升级事项，并记入投诉时间线。";
            return RedirectToPage(new { All });
        }
        catch (EscalationNotFoundException)
        {
            return NotFound();
        }
        catch (InputValidationException ex)
        {
            foreach (var (_, messages) in ex.Errors)
            {
                ModelState.AddModelError($"Note-{ComplaintId}", messages.FirstOrDefault() ?? ex.Message);
            }
        }
        catch (Exception ex) when (ex is DomainRuleException or ConcurrencyConflictException)
        {
            ModelState.AddModelError($"Note-{ComplaintId}", ex.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(long complaintId) =>
        ModelState.TryGetValue($"Note-{complaintId}", out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public static string StatusLabel(ComplaintStatus status) => Lifecycle.LabelOf(status);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Policy = await policies.GetAsync(cancellationToken);
        View = await queue.GetAsync(All, cancellationToken);
    }
}
