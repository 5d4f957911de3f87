using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Departments;

public sealed class IndexModel(ComplaintDeskDbContext db) : PageModel
{
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync() =>
        Departments = await db.Departments.AsNoTracking().OrderByDescending(d => d.IsActive).ThenBy(d => d.Id).ToListAsync();
}
