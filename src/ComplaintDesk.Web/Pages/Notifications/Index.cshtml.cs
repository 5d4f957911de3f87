using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Notifications;

/// <summary>通知: what the signed-in person was told (major complaints, level-2 escalations), with mark as read.</summary>
public sealed class IndexModel(ComplaintDeskDbContext db, CurrentStaff staff, WriteGate gate, TimeProvider clock, ProcedurePolicies policies) : PageModel
{
    private const int Shown = 100;

    [BindProperty]
    public long? NotificationId { get; set; }

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public ProcedurePolicy Policy { get; private set; } = null!;

    public string Local(DateTime utc) => Policy.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Policy = await policies.GetAsync(cancellationToken);
        Items = await db.Notifications().AsNoTracking()
            .Where(n => n.UserId == staff.UserId)
            .OrderByDescending(n => n.Id)
            .Take(Shown)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one notification (or, without an id, all of them) as read.</summary>
    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Notifications().Where(n => n.UserId == staff.UserId && n.ReadAt == null);
        if (NotificationId is { } id)
        {
            mine = mine.Where(n => n.Id == id);
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }

        return RedirectToPage();
    }
}
