using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>A member of staff a complaint can be handed to (转交).</summary>
public sealed record StaffChoice(string Id, string DisplayName);

/// <summary>
/// The staff who can own a project's complaints (首问负责制): in service, at the desk (clerks and supervisors), and
/// assigned to the project or company-wide.
/// </summary>
public sealed class ProjectStaff(ComplaintDeskDbContext db)
{
    public async Task<IReadOnlyList<StaffChoice>> ForProjectAsync(int projectId, CancellationToken cancellationToken = default)
    {
        var deskRoles = db.Roles.Where(r => r.Name == Roles.Clerk || r.Name == Roles.Supervisor).Select(r => r.Id);
        var deskUsers = db.UserRoles.Where(ur => deskRoles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && deskUsers.Contains(u.Id) && (u.IsCompanyWide || u.Projects.Any(p => p.ProjectId == projectId)))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new StaffChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }
}
