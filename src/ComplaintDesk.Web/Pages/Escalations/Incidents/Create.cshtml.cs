using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Escalations.Incidents;

/// <summary>创建群体事件 from one complaint; the complaint is linked into it at once.</summary>
[Authorize(Roles = Roles.Supervisor)]
public sealed class CreateModel(IncidentService incidents, ComplaintQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long ComplaintId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>A complaint number typed on the page when it was opened without a complaint.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    public Complaint? Complaint { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ComplaintId == 0)
        {
            // Opened from the incident list: ask which complaint the incident starts from.
            if (!string.IsNullOrWhiteSpace(Number))
            {
                var number = Number.Trim().ToUpperInvariant();
                var id = await queries.Visible().Where(c => c.Number == number).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
                if (id is { } found)
                {
                    return Redirect($"/Escalations/Incidents/Create?complaintId={found}");
                }

                ModelState.AddModelError(nameof(Number), $"找不到投诉 {number}，或它不在您负责的项目中。");
            }

            return Page();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var preview = TextInput.Truncate(Complaint!.Content, 30);
        Name = TextInput.Truncate($"{Complaint.Location} {preview}".Trim(), Incident.NameLength);

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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
