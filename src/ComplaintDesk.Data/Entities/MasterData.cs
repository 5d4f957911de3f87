namespace ComplaintDesk.Data.Entities;

/// <summary>物业项目.</summary>
public sealed class Project
{
    public const int CodeLength = 20;
    public const int NameLength = 100;
    public const int AddressLength = 200;

    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Address { get; set; }

    /// <summary>Deactivated projects keep their complaints but take no new ones.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>责任部门.</summary>
public sealed class Department
{
    public const int NameLength = 50;

    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;
}

/// <summary>投诉事项, with the department it is dispatched to by default.</summary>
public sealed class Topic
{
    public const int NameLength = 50;

    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int? DefaultDepartmentId { get; set; }

    public Department? DefaultDepartment { get; set; }

    public bool IsActive { get; set; } = true;
}
