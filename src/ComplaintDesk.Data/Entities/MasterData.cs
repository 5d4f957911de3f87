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

/// <summary>
/// 转办来源: who refers complaints to us (12345 热线, 住建部门, 街道/社区, 其他), with the deadlines it usually sets,
/// in hours from receipt (null: it sets none). A referral's deadlines left empty take these.
/// </summary>
public sealed class ReferralSource
{
    public const int NameLength = 50;

    /// <summary>The longest default: one year.</summary>
    public const int MaxHours = 365 * 24;

    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int? SignForHours { get; set; }

    public int? FirstFeedbackHours { get; set; }

    public int? CompletionHours { get; set; }

    public bool IsActive { get; set; } = true;

    public ComplaintDesk.Domain.Referrals.ReferralDefaults Defaults => new(
        SignForHours is { } s ? TimeSpan.FromHours(s) : null,
        FirstFeedbackHours is { } f ? TimeSpan.FromHours(f) : null,
        CompletionHours is { } c ? TimeSpan.FromHours(c) : null);
}
