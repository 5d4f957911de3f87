using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Staff;

public sealed class IndexModel(ComplaintDeskDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync()
    {
        var users = await db.Users.AsNoTracking()
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.IsActive,
                u.IsCompanyWide,
                u.LockoutEnd,
                Projects = u.Projects.OrderBy(p => p.ProjectId).Select(p => p.Project!.Name).ToList(),
            })
            .ToListAsync();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync();
        var rolesByUser = roles.ToLookup(r => r.UserId, r => Roles.Label(r.Name ?? string.Empty));
        var now = clock.GetUtcNow();
        Staff = users.Select(u => new StaffRow(
            u.Id,
            u.UserName ?? string.Empty,
            u.DisplayName,
            string.Join("、", rolesByUser[u.Id]),
            u.IsCompanyWide ? "全公司" : string.Join("、", u.Projects),
            u.IsActive,
            u.LockoutEnd > now)).ToList();
    }

    public sealed record StaffRow(string Id, string UserName, string DisplayName, string Roles, string Scope, bool IsActive, bool IsLockedOut);
}
