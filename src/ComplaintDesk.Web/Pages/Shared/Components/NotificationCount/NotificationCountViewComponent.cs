using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Shared.Components.NotificationCount;

/// <summary>The navigation badge: unread notifications of the signed-in person (indexed on user and read time).</summary>
public sealed class NotificationCountViewComponent(ComplaintDeskDbContext db, CurrentStaff staff) : ViewComponent
{
    // On every page: compiled once rather than translated per request.
    private static readonly Func<ComplaintDeskDbContext, string, Task<int>> _unread = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, string userId) => context.Set<Notification>().Count(n => n.UserId == userId && n.ReadAt == null));

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = staff.UserId;
        try
        {
            var count = await _unread(db, userId);
            return View(count);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // A badge must not take the page (or the error page) down with it.
            return Content(string.Empty);
        }
    }
}
