namespace ComplaintDesk.Domain.Classification;

/// <summary>The procedure's Chinese words for its categories.</summary>
public static class Labels
{
    public static string Of(ComplaintType type) => type switch
    {
        ComplaintType.A => "A类（有效投诉）",
        ComplaintType.B => "B类（工程/房屋质量）",
        ComplaintType.C => "C类（外部/社会问题）",
        _ => type.ToString(),
    };

    public static string Of(Severity? severity) => severity switch
    {
        Severity.Major => "重大",
        Severity.Important => "重要",
        Severity.Minor => "轻微",
        null => "不分级",
        _ => severity.ToString()!,
    };

    public static string Of(Cause cause) => cause switch
    {
        Cause.ManagementService => "物业管理或服务不到位",
        Cause.EngineeringQuality => "工程遗留或房屋质量问题",
        Cause.External => "外部环境、非管辖区域或其他社会问题",
        _ => cause.ToString(),
    };

    public static string Of(ComplaintFlag flag) => flag switch
    {
        ComplaintFlag.Group => "群体投诉",
        ComplaintFlag.GovernmentReferral => "政府/上级转办",
        ComplaintFlag.Media => "媒体曝光",
        ComplaintFlag.AccidentOrInjury => "事故/人身伤害或重大损失",
        _ => flag.ToString(),
    };
}
