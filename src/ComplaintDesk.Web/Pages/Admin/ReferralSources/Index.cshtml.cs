using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.ReferralSources;

/// <summary>转办来源: the referring bodies and the deadlines each usually sets.</summary>
public sealed class IndexModel(ComplaintDeskDbContext db) : PageModel
{
    public IReadOnlyList<ReferralSource> Sources { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync() =>
        Sources = await db.ReferralSources.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Id).ToListAsync();

    public static string Hours(int? hours) => hours is { } h ? $"{h} 小时" : "—";
}
