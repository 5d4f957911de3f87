using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>The monthly report of one local month, company-wide or for one project, with its comparisons and trend.</summary>
public sealed record MonthlyReport(
    string Month,
    int? ProjectId,
    string ScopeName,
    DateTime GeneratedAtUtc,
    MonthFigures Current,
    MonthFigures Previous,
    MonthFigures YearBefore,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<MajorComplaintRow> MajorComplaints)
{
    /// <summary>The figures with their comparisons, in the order people read them.</summary>
    public IReadOnlyList<FigureLine> Summary => ReportLines.Summary(this);

    /// <summary>When the oldest of the figures shown was computed (数据截至): snapshots are reused until data changes.</summary>
    public DateTime DataAsOfUtc { get; init; }

    /// <summary>The repeat threshold in force (the "重复投诉" line says it).</summary>
    public int RepeatRaises { get; init; } = ClassificationPolicy.Default.RepeatRaises;

    /// <summary>政府转办: referrals received in the month, per source and project (computed with the report, not kept in snapshots).</summary>
    public ReferralReport? Referrals { get; init; }
}

/// <summary>Every figure of one month. Rates are fractions (0.85 = 85%), null when nothing was counted.</summary>
public sealed record MonthFigures(
    string Month,
    int Received,
    int Effective,
    IReadOnlyList<CountRow> ByType,
    IReadOnlyList<CountRow> EffectiveBySeverity,
    IReadOnlyList<BreakdownRow> ByProject,
    IReadOnlyList<BreakdownRow> ByDepartment,
    IReadOnlyList<BreakdownRow> ByTopic,
    IReadOnlyList<BreakdownRow> ByChannel,
    int Dispatched,
    int DispatchedOnTime,
    int Resolved,
    int ResolvedOnTime,
    double? MeanHoursToResolve,
    double? MedianHoursToResolve,
    int ResolvedFollowedUp,
    int FollowUps,
    int Satisfied,
    int BasicallySatisfied,
    int Dissatisfied,
    int Closed,
    int OpenAtMonthEnd,
    int OverdueAtMonthEnd,
    int Repeat,
    int Group,
    int GovernmentReferral)
{
    public double? EffectiveRate => Ratio.Of(Effective, Received);

    public double? DispatchOnTimeRate => Ratio.Of(DispatchedOnTime, Dispatched);

    /// <summary>处理及时率: resolved within the limit ÷ resolved in the month.</summary>
    public double? ResolutionOnTimeRate => Ratio.Of(ResolvedOnTime, Resolved);

    /// <summary>回访率: resolved in the month and followed up since ÷ resolved in the month.</summary>
    public double? FollowUpRate => Ratio.Of(ResolvedFollowedUp, Resolved);

    /// <summary>满意率: (满意 + 基本满意) ÷ follow-ups with an answer made in the month.</summary>
    public double? SatisfactionRate => Ratio.Of(Satisfied + BasicallySatisfied, FollowUps);

    /// <summary>结案率: received in the month and closed by its end ÷ received in the month.</summary>
    public double? ClosureRate => Ratio.Of(Closed, Received);

    /// <summary>整改措施 of the month; counted live, set after the snapshot parts (<see cref="CorrectiveActionFigures"/>).</summary>
    public CorrectiveActionFigures CorrectiveActions { get; init; } = CorrectiveActionFigures.None;
}

/// <summary>A count under a fixed label (type, severity).</summary>
public sealed record CountRow(string Key, string Name, int Count);

/// <summary>Complaints received in the month for one project, department, topic or channel.</summary>
public sealed record BreakdownRow(string Key, string Name, int Received, int Effective);

/// <summary>One month of the 12-month trend.</summary>
public sealed record TrendPoint(string Month, int Received, int Effective, int Resolved, int ResolvedOnTime, int FollowUps, int Satisfied)
{
    public double? ResolutionOnTimeRate => Ratio.Of(ResolvedOnTime, Resolved);

    public double? SatisfactionRate => Ratio.Of(Satisfied, FollowUps);
}

/// <summary>A major complaint of the month: registered in it as major, or became major in it.</summary>
public sealed record MajorComplaintRow(
    long Id,
    string Number,
    DateTime RegisteredAtUtc,
    string ProjectName,
    string TopicName,
    ComplaintStatus Status,
    string StatusName,
    string Clauses,
    DateTime? BecameMajorAtUtc)
{
    public string Link => $"/Complaints/{Id}";
}

public enum FigureKind
{
    Count = 0,
    Rate = 1,
    Hours = 2,
}

/// <summary>One line of the summary table: a figure this month, last month and a year before.</summary>
public sealed record FigureLine(string Key, string Label, FigureKind Kind, double? Current, double? Previous, double? YearBefore)
{
    /// <summary>Against last month: a count's difference, a rate's difference in percentage points (as a fraction).</summary>
    public double? ChangeFromPrevious => Current is { } c && Previous is { } p ? c - p : null;

    public double? ChangeFromYearBefore => Current is { } c && YearBefore is { } y ? c - y : null;
}

public static class Ratio
{
    public static double? Of(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>The report's words that are not a category's name (those are <c>Labels</c> and <c>ComplaintLabels</c>).</summary>
public static class ReportLabels
{
    public static string MonthTitle(YearMonth month) => $"{month.Year} 年 {month.Month} 月";
}
