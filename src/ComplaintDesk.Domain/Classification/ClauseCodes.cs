namespace ComplaintDesk.Domain.Classification;

/// <summary>The procedure's clause codes, as stored in a complaint's clauses and shown to people.</summary>
public static class ClauseCodes
{
    /// <summary>3.1.1(a): 物业管理或服务不到位 → A类.</summary>
    public const string TypeA = "3.1.1(a)";

    /// <summary>3.1.1(b): 工程遗留或房屋质量 → B类.</summary>
    public const string TypeB = "3.1.1(b)";

    /// <summary>3.1.1(c): 外部环境、非管辖区域 → C类.</summary>
    public const string TypeC = "3.1.1(c)";

    /// <summary>3.1.2: 重大投诉 (an accident with injury, loss or media exposure); also the prefix of every major case.</summary>
    public const string Major = "3.1.2";

    /// <summary>3.1.2(a): a promised service raised again and again without resolution.</summary>
    public const string MajorRepeatedPromise = "3.1.2(a)";

    /// <summary>3.1.2(b): the company at fault for a major loss or an injury.</summary>
    public const string MajorCompanyFault = "3.1.2(b)";

    /// <summary>3.1.2(c): an A complaint unresolved for the set days (the clock's automatic upgrade).</summary>
    public const string MajorUnresolved = "3.1.2(c)";

    /// <summary>3.1.2(d): a government referral with social impact.</summary>
    public const string MajorGovernment = "3.1.2(d)";

    /// <summary>3.1.2(e): a group complaint.</summary>
    public const string MajorGroup = "3.1.2(e)";

    /// <summary>3.1.3: 重要投诉.</summary>
    public const string Important = "3.1.3";

    /// <summary>3.1.4: 轻微投诉.</summary>
    public const string Minor = "3.1.4";

    /// <summary>Whether a code is one of 3.1.2's cases (the reasons a complaint is major).</summary>
    public static bool IsMajor(string code) => code?.StartsWith(Major, StringComparison.Ordinal) ?? false;

    /// <summary>Whether stored clauses ("3.1.1(a);3.1.2(c)") include a code.</summary>
    public static bool Includes(string storedClauses, string code) =>
        !string.IsNullOrEmpty(storedClauses) && storedClauses.Split(';').Contains(code, StringComparer.Ordinal);
}
