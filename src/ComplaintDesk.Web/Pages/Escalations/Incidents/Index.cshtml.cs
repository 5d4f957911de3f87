using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Escalations.Incidents;

/// <summary>群体事件: the incidents of one's projects, newest first.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class IndexModel(IncidentService incidents, ProcedurePolicies policies, CurrentStaff staff) : PageModel
{
    public IReadOnlyList<IncidentSummary> Incidents { get; private set; } = [];

    public int Threshold { get; private set; }

    public bool CanAct => staff.IsInRole(Roles.Supervisor);

    public ProcedurePolicy Policy { get; private set; } = null!;

    public string Local(DateTime utc) => Policy.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Policy = await policies.GetAsync(cancellationToken);
        Threshold = Policy.Classification.GroupComplainantCount;
        Incidents = await incidents.ListAsync(cancellationToken);
    }
}
