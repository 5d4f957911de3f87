using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Projects;

public sealed class IndexModel(ComplaintDeskDbContext db) : PageModel
{
    public IReadOnlyList<Project> Projects { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync() =>
        Projects = await db.Projects.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Code).ToListAsync();
}
