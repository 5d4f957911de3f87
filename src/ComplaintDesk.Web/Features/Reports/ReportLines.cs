using System.Globalization;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>A breakdown row across the three months compared.</summary>
public sealed record BreakdownLine(string Name, int Current, int Previous, int YearBefore, int CurrentEffective)
{
    public int ChangeFromPrevious => Current - Previous;

    public int ChangeFromYearBefore => Current - YearBefore;
}

/// <summary>The report as lines and tables, the same for the page, the workbook and the e-mail.</summary>
public static class ReportLines
{
    public static IReadOnlyList<FigureLine> Summary(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (c, p, y) = (report.Current, report.Previous, report.YearBefore);
        return
        [
            Count("received", "受理投诉", c.Received, p.Received, y.Received),
            Count("effective", "有效投诉（A类）", c.Effective, p.Effective, y.Effective),
            Rate("effectiveRate", "有效投诉率", c.EffectiveRate, p.EffectiveRate, y.EffectiveRate),
            Count("dispatched", "已派单", c.Dispatched, p.Dispatched, y.Dispatched),
            Rate("dispatchOnTimeRate", "派单及时率", c.DispatchOnTimeRate, p.DispatchOnTimeRate, y.DispatchOnTimeRate),
            Count("resolved", "本月处理完成", c.Resolved, p.Resolved, y.Resolved),
            Rate("resolutionOnTimeRate", "处理及时率", c.ResolutionOnTimeRate, p.ResolutionOnTimeRate, y.ResolutionOnTimeRate),
            Hours("meanHours", "平均处理时长（小时）", c.MeanHoursToResolve, p.MeanHoursToResolve, y.MeanHoursToResolve),
            Hours("medianHours", "处理时长中位数（小时）", c.MedianHoursToResolve, p.MedianHoursToResolve, y.MedianHoursToResolve),
            Count("followedUp", "已回访（本月处理完成中）", c.ResolvedFollowedUp, p.ResolvedFollowedUp, y.ResolvedFollowedUp),
            Rate("followUpRate", "回访率", c.FollowUpRate, p.FollowUpRate, y.FollowUpRate),
            Count("followUps", "本月回访（有结果）", c.FollowUps, p.FollowUps, y.FollowUps),
            Rate("satisfactionRate", "满意率", c.SatisfactionRate, p.SatisfactionRate, y.SatisfactionRate),
            Count("closed", "月内结案（本月受理中）", c.Closed, p.Closed, y.Closed),
            Rate("closureRate", "结案率", c.ClosureRate, p.ClosureRate, y.ClosureRate),
            Count("openAtMonthEnd", "月末未办结", c.OpenAtMonthEnd, p.OpenAtMonthEnd, y.OpenAtMonthEnd),
            Count("overdueAtMonthEnd", "月末超时未办结", c.OverdueAtMonthEnd, p.OverdueAtMonthEnd, y.OverdueAtMonthEnd),
            Count("repeat", string.Create(CultureInfo.InvariantCulture, $"重复投诉（反映 ≥ {report.RepeatRaises} 次）"), c.Repeat, p.Repeat, y.Repeat),
            Count("group", "群体投诉", c.Group, p.Group, y.Group),
            Count("governmentReferral", "政府/上级转办", c.GovernmentReferral, p.GovernmentReferral, y.GovernmentReferral),
            .. CorrectiveActions(c, p, y),
        ];
    }

    /// <summary>整改措施 (issue 17): opened, completed, verified in the month, overdue at its end.</summary>
    private static IEnumerable<FigureLine> CorrectiveActions(MonthFigures c, MonthFigures p, MonthFigures y) =>
    [
        Count("actionsOpened", "整改措施：本月下达", c.CorrectiveActions.Opened, p.CorrectiveActions.Opened, y.CorrectiveActions.Opened),
        Count("actionsCompleted", "整改措施：本月完成", c.CorrectiveActions.Completed, p.CorrectiveActions.Completed, y.CorrectiveActions.Completed),
        Count("actionsVerified", "整改措施：本月验证通过", c.CorrectiveActions.Verified, p.CorrectiveActions.Verified, y.CorrectiveActions.Verified),
        Count("actionsOverdue", "整改措施：月末逾期未完成",
            c.CorrectiveActions.OverdueAtMonthEnd, p.CorrectiveActions.OverdueAtMonthEnd, y.CorrectiveActions.OverdueAtMonthEnd),
    ];

    public static IReadOnlyList<BreakdownLine> ByType(MonthlyReport report) =>
        Counts(report, f => f.ByType);

    public static IReadOnlyList<BreakdownLine> BySeverity(MonthlyReport report) =>
        Counts(report, f => f.EffectiveBySeverity);

    public static IReadOnlyList<BreakdownLine> ByProject(MonthlyReport report) => Lines(report, f => f.ByProject);

    public static IReadOnlyList<BreakdownLine> ByDepartment(MonthlyReport report) => Lines(report, f => f.ByDepartment);

    public static IReadOnlyList<BreakdownLine> ByTopic(MonthlyReport report) => Lines(report, f => f.ByTopic);

    public static IReadOnlyList<BreakdownLine> ByChannel(MonthlyReport report) => Lines(report, f => f.ByChannel);

    /// <summary>The breakdown tables under their Chinese titles, in the order of the page and the workbook.</summary>
    public static IReadOnlyList<(string Key, string Title, IReadOnlyList<BreakdownLine> Lines)> Breakdowns(MonthlyReport report) =>
    [
        ("type", "按类型", ByType(report)),
        ("severity", "A类按严重程度", BySeverity(report)),
        ("project", "按项目", ByProject(report)),
        ("department", "按责任部门", ByDepartment(report)),
        ("topic", "按投诉事项", ByTopic(report)),
        ("channel", "按受理渠道", ByChannel(report)),
    ];

    public static string Format(FigureKind kind, double? value) => value switch
    {
        null => "—",
        { } v when kind == FigureKind.Rate => v.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal),
        { } v when kind == FigureKind.Hours => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0", CultureInfo.InvariantCulture),
    };

    /// <summary>A change: counts and hours with a sign, rates in percentage points.</summary>
    public static string FormatChange(FigureKind kind, double? change) => change switch
    {
        null => "—",
        { } v when kind == FigureKind.Rate => (v * 100).ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture) + " 个百分点",
        { } v when kind == FigureKind.Hours => v.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture),
        { } v => v.ToString("+0;-0;0", CultureInfo.InvariantCulture),
    };

    public static string FormatChange(int change) => change.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static FigureLine Count(string key, string label, int c, int p, int y) => new(key, label, FigureKind.Count, c, p, y);

    private static FigureLine Rate(string key, string label, double? c, double? p, double? y) => new(key, label, FigureKind.Rate, c, p, y);

    private static FigureLine Hours(string key, string label, double? c, double? p, double? y) => new(key, label, FigureKind.Hours, c, p, y);

    private static List<BreakdownLine> Counts(MonthlyReport report, Func<MonthFigures, IReadOnlyList<CountRow>> rows)
    {
        ArgumentNullException.ThrowIfNull(report);
        return rows(report.Current).Select(r => new BreakdownLine(
            r.Name,
            r.Count,
            rows(report.Previous).FirstOrDefault(x => x.Key == r.Key)?.Count ?? 0,
            rows(report.YearBefore).FirstOrDefault(x => x.Key == r.Key)?.Count ?? 0,
            r.Key == "A" ? r.Count : 0)).ToList();
    }

    private static List<BreakdownLine> Lines(MonthlyReport report, Func<MonthFigures, IReadOnlyList<BreakdownRow>> rows)
    {
        ArgumentNullException.ThrowIfNull(report);
        var current = rows(report.Current);
        var previous = rows(report.Previous).ToDictionary(r => r.Key);
        var yearBefore = rows(report.YearBefore).ToDictionary(r => r.Key);
        var keys = current.Select(r => r.Key).Concat(previous.Keys).Concat(yearBefore.Keys).Distinct().ToList();
        return keys
            .Select(k =>
            {
                var now = current.FirstOrDefault(r => r.Key == k);
                var name = now?.Name ?? previous.GetValueOrDefault(k)?.Name ?? yearBefore.GetValueOrDefault(k)?.Name ?? k;
                return new BreakdownLine(name, now?.Received ?? 0, previous.GetValueOrDefault(k)?.Received ?? 0,
                    yearBefore.GetValueOrDefault(k)?.Received ?? 0, now?.Effective ?? 0);
            })
            .OrderByDescending(l => l.Current).ThenByDescending(l => l.Previous).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
    }
}
