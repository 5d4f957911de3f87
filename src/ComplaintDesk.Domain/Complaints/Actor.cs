namespace ComplaintDesk.Domain.Complaints;

/// <summary>Who acts on a complaint: a member of staff, or the system clock.</summary>
public sealed record Actor(string Id, string Name, IReadOnlySet<StaffRole> Roles)
{
    /// <summary>The background clock check; it may only apply the procedure's automatic rules.</summary>
    public static Actor System { get; } = new("system", "系统", new HashSet<StaffRole>());

    public bool IsSystem => ReferenceEquals(this, System) || Id == System.Id;

    public bool IsIn(StaffRole role) => Roles.Contains(role);

    public static Actor Staff(string id, string name, params StaffRole[] roles) => new(id, name, roles.ToHashSet());
}
