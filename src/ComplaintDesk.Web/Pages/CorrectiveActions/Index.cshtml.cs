using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Features.Investigations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.CorrectiveActions;

/// <summary>整改措施: the corrective actions still to do or to verify in one's projects, the overdue ones marked, due first.</summary>
[Authorize(Policy = Policies.ViewComplaints)]
public sealed class IndexModel(CorrectiveActionQueries queries, ComplaintDeskDbContext db, CurrentStaff staff, ProcedurePolicies policies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "projectId")]
    public int? ProjectId { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdueOnly")]
    public bool OverdueOnly { get; set; }

    public OpenCorrectiveActionPage Actions { get; private set; } = new([], false);

    public IReadOnlyList<(int Id, string Name)> Projects { get; private set; } = [];

    public ProcedurePolicy Policy { get; private set; } = null!;

    public string Local(DateTime? utc) => utc is { } at ? Policy.Calendar.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Policy = await policies.GetAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        Projects = projects.Where(p => staff.CanSeeProject(p.Id)).Select(p => (p.Id, p.Name)).ToList();

        // A project out of one's scope lists nothing rather than telling it exists.
        Actions = ProjectId is { } id && !staff.CanSeeProject(id)
            ? new OpenCorrectiveActionPage([], false)
            : await queries.ListOpenAsync(ProjectId, OverdueOnly, cancellationToken);
    }
}
