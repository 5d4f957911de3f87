using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintDesk.Web.Pages.Shared.Components.EscalationCount;

/// <summary>The navigation badge: escalations waiting in the signed-in supervisor's or manager's projects (one indexed count).</summary>
public sealed class EscalationCountViewComponent(EscalationQueue queue, CurrentStaff staff) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!staff.IsInRole(Roles.Supervisor) && !staff.IsInRole(Roles.Manager))
        {
            return Content(string.Empty);
        }

        try
        {
            return View(await queue.CountWaitingAsync(HttpContext.RequestAborted));
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // A badge must not take the page (or the error page) down with it.
            return Content(string.Empty);
        }
    }
}
