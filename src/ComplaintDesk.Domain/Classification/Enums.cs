namespace ComplaintDesk.Domain.Classification;

/// <summary>Why the complaint arose (procedure 3.1.1); decides the type.</summary>
public enum Cause
{
    /// <summary>物业管理或服务不到位 → A.</summary>
    ManagementService = 0,

    /// <summary>工程遗留或房屋质量 → B.</summary>
    EngineeringQuality = 1,

    /// <summary>外部环境、非管辖区域或其他社会问题 → C.</summary>
    External = 2,
}

public enum ComplaintType
{
    A = 0,
    B = 1,
    C = 2,
}

/// <summary>Grade of an A complaint; B and C complaints have none.</summary>
public enum Severity
{
    Minor = 0,
    Important = 1,
    Major = 2,
}

/// <summary>Facts that put a B or C complaint in front of supervisors although it has no severity.</summary>
public enum ComplaintFlag
{
    Group = 0,
    GovernmentReferral = 1,
    Media = 2,
    AccidentOrInjury = 3,
}
