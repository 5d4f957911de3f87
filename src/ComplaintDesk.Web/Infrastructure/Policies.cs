using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>Authorization policies: who may do what (domain.md, People).</summary>
public static class Policies
{
    /// <summary>Read complaints of one's projects: clerks, supervisors, managers.</summary>
    public const string ViewComplaints = nameof(ViewComplaints);

    /// <summary>Register complaints and move them: clerks and supervisors.</summary>
    public const string Desk = nameof(Desk);

    /// <summary>The escalation queue: supervisors and managers.</summary>
    public const string Supervision = nameof(Supervision);

    /// <summary>Monthly reports and exports: managers and supervisors.</summary>
    public const string Reports = nameof(Reports);

    /// <summary>Users, master data and procedure settings.</summary>
    public const string Admin = nameof(Admin);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ViewComplaints, p => p.RequireRole(Roles.Clerk, Roles.Supervisor, Roles.Manager));
        options.AddPolicy(Desk, p => p.RequireRole(Roles.Clerk, Roles.Supervisor));
        options.AddPolicy(Supervision, p => p.RequireRole(Roles.Supervisor, Roles.Manager));
        options.AddPolicy(Reports, p => p.RequireRole(Roles.Manager, Roles.Supervisor));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));

        // Everything not marked otherwise needs a signed-in member of staff.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
