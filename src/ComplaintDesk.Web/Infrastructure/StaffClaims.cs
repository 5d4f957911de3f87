using System.Security.Claims;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>Claim types that carry a member of staff's scope in the cookie or token.</summary>
public static class StaffClaimTypes
{
    public const string DisplayName = "cd:name";
    public const string Project = "cd:project";
    public const string CompanyWide = "cd:company";
}

/// <summary>Puts display name, projects and company-wide scope into the principal at sign-in.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    ComplaintDesk.Data.ComplaintDeskDbContext db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaimTypes.DisplayName, user.DisplayName));
        if (user.IsCompanyWide)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.CompanyWide, "true"));
        }

        var projects = await db.StaffProjects.Where(p => p.UserId == user.Id).Select(p => p.ProjectId).ToListAsync();
        foreach (var projectId in projects)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.Project, projectId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
