using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintDesk.Domain.Classification;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>
/// What the pages say instead of codes: a clause code always with its meaning, a change of classification as a
/// sentence ("A类轻微 → A类重大（3.1.2(c) 一个月未解决）"), the company's zone as 北京时间.
/// </summary>
public static partial class PlainWords
{
    private static readonly Dictionary<string, string> _clauses = new(StringComparer.Ordinal)
    {
        [ClauseCodes.TypeA] = "物业管理或服务不到位",
        [ClauseCodes.TypeB] = "工程遗留或房屋质量问题",
        [ClauseCodes.TypeC] = "外部环境或非管辖问题",
        [ClauseCodes.Major] = "发生事故",
        [ClauseCodes.MajorRepeatedPromise] = "承诺服务多次反映未落实",
        [ClauseCodes.MajorCompanyFault] = "公司责任致重大损失或伤害",
        [ClauseCodes.MajorUnresolved] = "一个月未解决",
        [ClauseCodes.MajorGovernment] = "政府转办且有社会影响",
        [ClauseCodes.MajorGroup] = "群体投诉",
        [ClauseCodes.Important] = "人为过失",
        [ClauseCodes.Minor] = "一般不满",
    };

    /// <summary>"3.1.2(c) 一个月未解决"; an unknown code as it is.</summary>
    public static string Clause(string code) =>
        _clauses.TryGetValue(code.Trim(), out var meaning) ? $"{code.Trim()} {meaning}" : code.Trim();

    /// <summary>"3.1.1(a) 物业管理或服务不到位；3.1.2(e) 群体投诉" from "3.1.1(a);3.1.2(e)".</summary>
    public static string Clauses(string? codes) =>
        string.IsNullOrWhiteSpace(codes)
            ? string.Empty
            : string.Join("；", codes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Clause));

    /// <summary>
    /// A classification change as recorded in the timeline ("A/轻微 [3.1.1(a);3.1.4] → A/重大 [3.1.1(a);3.1.2(c)]") in
    /// words: "A类轻微 → A类重大（3.1.2(c) 一个月未解决）" — the clauses that now apply and did not before. Any other
    /// text is returned unchanged.
    /// </summary>
    public static string ClassificationChange(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return string.Empty;
        }

        var match = ChangePattern().Match(detail);
        if (!match.Success)
        {
            return detail;
        }

        var before = Codes(match.Groups["bc"].Value);
        var after = Codes(match.Groups["ac"].Value);
        var added = after.Where(c => !before.Contains(c)).ToList();
        var removed = before.Where(c => !after.Contains(c)).ToList();
        var text = $"{Grade(match.Groups["bt"].Value, match.Groups["bs"].Value)} → {Grade(match.Groups["at"].Value, match.Groups["as"].Value)}";
        var why = new List<string>();
        if (added.Count > 0)
        {
            why.Add(string.Join("；", added.Select(Clause)));
        }

        if (removed.Count > 0)
        {
            why.Add("不再适用 " + string.Join("；", removed.Select(Clause)));
        }

        return why.Count == 0 ? text + "（依据条款不变）" : $"{text}（{string.Join("，", why)}）";
    }

    /// <summary>北京时间 for the zones China keeps; otherwise the zone's offset and name.</summary>
    public static string Zone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return KnownZone(zone.Id)
            ?? string.Create(CultureInfo.InvariantCulture, $"UTC{(zone.BaseUtcOffset < TimeSpan.Zero ? "-" : "+")}{zone.BaseUtcOffset:hh\\:mm}（{zone.Id}）");
    }

    /// <summary>The people's name of a zone id the company may choose, or null.</summary>
    public static string? KnownZone(string? id) =>
        id switch
        {
            "Asia/Shanghai" or "Asia/Chongqing" or "Asia/Harbin" or "Asia/Urumqi" or "PRC" or "China Standard Time" => "北京时间",
            "Asia/Hong_Kong" => "香港时间",
            "Asia/Macau" => "澳门时间",
            "Asia/Taipei" => "台北时间",
            "UTC" or "Etc/UTC" => "协调世界时（UTC）",
            _ => null,
        };

    private static string Grade(string type, string severity) =>
        severity is "" or "—" or "不分级" ? $"{type}类" : $"{type}类{severity}";

    private static List<string> Codes(string codes) =>
        [.. codes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^(?<bt>[ABC])/(?<bs>[^\s\[]*)\s*\[(?<bc>[^\]]*)\]\s*→\s*(?<at>[ABC])/(?<as>[^\s\[]*)\s*\[(?<ac>[^\]]*)\]$")]
    private static partial Regex ChangePattern();
}
