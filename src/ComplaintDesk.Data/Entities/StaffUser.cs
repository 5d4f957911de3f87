using Microsoft.AspNetCore.Identity;

namespace ComplaintDesk.Data.Entities;

/// <summary>A member of staff who signs in; the complainant is never a user.</summary>
public sealed class StaffUser : IdentityUser
{
    public const int DisplayNameLength = 50;

    /// <summary>The user name column's length in Identity's schema.</summary>
    public const int UserNameLength = 256;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Deactivated staff cannot sign in; their name stays on what they did.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Sees every project (company-level managers and admins).</summary>
    public bool IsCompanyWide { get; set; }

    public List<StaffProject> Projects { get; set; } = [];
}

/// <summary>A project a member of staff works for and may see.</summary>
public sealed class StaffProject
{
    public string UserId { get; set; } = string.Empty;

    public int ProjectId { get; set; }

    public Project? Project { get; set; }
}

/// <summary>Role names as stored by Identity; the Chinese names are for people.</summary>
public static class Roles
{
    public const string Clerk = "Clerk";
    public const string Supervisor = "Supervisor";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Clerk, Supervisor, Manager, Admin];

    public static string Label(string role) => role switch
    {
        Clerk => "客服专员",
        Supervisor => "客服主管",
        Manager => "经理",
        Admin => "系统管理员",
        _ => role,
    };
}
