using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Escalations.Incidents;

/// <summary>创建群体事件 from one complaint; the complaint is linked into it at once.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class CreateModel(IncidentService incidents, ComplaintQueries queries, CurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long ComplaintId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public Complaint Complaint { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!staff.IsInRole(Roles.Supervisor))
        {
            return Forbid();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var preview = Complaint.Content.Length > 30 ? Complaint.Content[..30] : Complaint.Content;
        Name = $"{Complaint.Location} {preview}".Trim();
        if (Name.Length > Incident.NameLength)
        {
            Name = Name[..Incident.NameLength];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!staff.IsInRole(Roles.Supervisor))
        {
            return Forbid();
        }

        try
        {
            var id = await incidents.CreateAsync(ComplaintId, Name, cancellationToken);
            return Redirect($"/Escalations/Incidents/Details/{id}");
        }
        catch (ComplaintNotFoundException)
        {
            return NotFound();
        }
        catch (InputValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                ModelState.AddModelError(field, messages.FirstOrDefault() ?? ex.Message);
            }
        }
        catch (Exception ex) when (ex is DomainRuleException or ConcurrencyConflictException)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var complaint = await queries.FindAsync(ComplaintId, cancellationToken);
        if (complaint is null)
        {
            return false;
        }

        Complaint = complaint;
        return true;
    }
}
