using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Shared.Components.NotificationCount;

/// <summary>The navigation badge: unread notifications of the signed-in person (indexed on user and read time).</summary>
public sealed class NotificationCountViewComponent(ComplaintDeskDbContext db, CurrentStaff staff) : ViewComponent
{
    /// <summary>The badge stops counting here and shows "99+": a manager can have thousands unread, and it runs on every page.</summary>
    public const int CountCap = 100;

    // On every page: compiled once rather than translated per request, and bounded.
    private static readonly Func<ComplaintDeskDbContext, string, Task<int>> _unread = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, string userId) => context.Set<Notification>()
            .Where(n => n.UserId == userId && n.ReadAt == null).Select(n => n.Id).Take(CountCap).Count());

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
