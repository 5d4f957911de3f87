using ComplaintDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Topics;

public sealed class IndexModel(ComplaintDeskDbContext db) : PageModel
{
    public IReadOnlyList<TopicRow> Topics { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync() =>
        Topics = await db.Topics.AsNoTracking()
            .OrderByDescending(t => t.IsActive).ThenBy(t => t.Id)
            .Select(t => new TopicRow(t.Id, t.Name, t.DefaultDepartment == null ? null : t.DefaultDepartment.Name, t.IsActive))
            .ToListAsync();

    public sealed record TopicRow(int Id, string Name, string? DefaultDepartment, bool IsActive);
}
