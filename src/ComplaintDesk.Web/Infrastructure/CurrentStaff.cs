using System.Globalization;
using System.Security.Claims;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// The signed-in member of staff: who acts, in which roles, and which projects they may see.
/// Read from the cookie or token claims, so it costs no database round trip.
/// </summary>
public sealed class CurrentStaff
{
    private readonly ClaimsPrincipal _user;
    private Actor? _actor;
    private IReadOnlySet<int>? _projects;

    public CurrentStaff(IHttpContextAccessor accessor)
        : this(accessor.HttpContext?.User ?? new ClaimsPrincipal())
    {
    }

    public CurrentStaff(ClaimsPrincipal user)
    {
        _user = user;
    }

    public bool IsSignedIn => _user.Identity?.IsAuthenticated == true;

    public string UserId => _user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public string UserName => _user.Identity?.Name ?? string.Empty;

    public string DisplayName => _user.FindFirstValue(StaffClaimTypes.DisplayName) ?? UserName;

    public bool IsCompanyWide => _user.HasClaim(StaffClaimTypes.CompanyWide, "true");

    public bool IsInRole(string role) => _user.IsInRole(role);

    /// <summary>Projects this person is assigned to (ignored when company-wide).</summary>
    public IReadOnlySet<int> ProjectIds => _projects ??= _user.FindAll(StaffClaimTypes.Project)
        .Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0)
        .ToHashSet();

    public bool CanSeeProject(int projectId) => IsCompanyWide || ProjectIds.Contains(projectId);

    public Actor Actor => _actor ??= new Actor(UserId, DisplayName, RolesOf(_user));

    private static HashSet<StaffRole> RolesOf(ClaimsPrincipal user)
    {
        var roles = new HashSet<StaffRole>();
        if (user.IsInRole(Roles.Clerk))
        {
            roles.Add(StaffRole.Clerk);
        }

        if (user.IsInRole(Roles.Supervisor))
        {
            roles.Add(StaffRole.Supervisor);
        }

        if (user.IsInRole(Roles.Manager))
        {
            roles.Add(StaffRole.Manager);
        }

        if (user.IsInRole(Roles.Admin))
        {
            roles.Add(StaffRole.Admin);
        }

        return roles;
    }
}
