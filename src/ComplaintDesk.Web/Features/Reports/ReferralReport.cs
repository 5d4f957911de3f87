using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>
/// The monthly report's 政府转办 section: the referrals received in the month (by when the referring body sent them), each
/// step against the referring body's own deadline, per source and per project (docs/decisions/0013-referrals.md).
/// </summary>
public sealed record ReferralReport(ReferralReportRow Total, IReadOnlyList<ReferralReportRow> BySource, IReadOnlyList<ReferralReportRow> ByProject);

/// <summary>
/// One line of the section. On-time counts are out of the referrals that had that deadline (a returned referral has no
/// 办结 to meet); a step done by a later one counts (a first feedback signs for it, the reply gives the first feedback).
/// Satisfaction is the referring body's, not our 回访.
/// </summary>
public sealed record ReferralReportRow(
    string Key,
    string Name,
    int Received,
    int SignForDue,
    int SignedForOnTime,
    int FirstFeedbackDue,
    int FirstFeedbackOnTime,
    int CompletionDue,
    int CompletedOnTime,
    int ExtensionsRequested,
    int ExtensionsApproved,
    int Returned,
    int Satisfied,
    int BasicallySatisfied,
    int Dissatisfied)
{
    /// <summary>签收及时率.</summary>
    public double? SignForOnTimeRate => Ratio.Of(SignedForOnTime, SignForDue);

    /// <summary>首次反馈及时率.</summary>
    public double? FirstFeedbackOnTimeRate => Ratio.Of(FirstFeedbackOnTime, FirstFeedbackDue);

    /// <summary>按时办结率: 办结反馈 sent by the 办结 deadline (as extended).</summary>
    public double? CompletionOnTimeRate => Ratio.Of(CompletedOnTime, CompletionDue);

    /// <summary>转办满意率: (满意 + 基本满意) ÷ results received.</summary>
    public double? SatisfactionRate => Ratio.Of(Satisfied + BasicallySatisfied, Satisfied + BasicallySatisfied + Dissatisfied);

    public static ReferralReportRow Sum(string key, string name, IEnumerable<ReferralGroup> groups)
    {
        var list = groups.ToList();
        return new ReferralReportRow(
            key, name, list.Sum(g => g.Received), list.Sum(g => g.SignForDue), list.Sum(g => g.SignedForOnTime), list.Sum(g => g.FirstFeedbackDue),
            list.Sum(g => g.FirstFeedbackOnTime), list.Sum(g => g.CompletionDue), list.Sum(g => g.CompletedOnTime), list.Sum(g => g.ExtensionsRequested),
            list.Sum(g => g.ExtensionsApproved), list.Sum(g => g.Returned), list.Sum(g => g.Satisfied), list.Sum(g => g.BasicallySatisfied),
            list.Sum(g => g.Dissatisfied));
    }
}

/// <summary>Referrals received in the month from one source for one project: what the database counts.</summary>
public sealed record ReferralGroup(
    int SourceId,
    int ProjectId,
    int Received,
    int SignForDue,
    int SignedForOnTime,
    int FirstFeedbackDue,
    int FirstFeedbackOnTime,
    int CompletionDue,
    int CompletedOnTime,
    int ExtensionsRequested,
    int ExtensionsApproved,
    int Returned,
    int Satisfied,
    int BasicallySatisfied,
    int Dissatisfied);

/// <summary>The referral section's one grouped query (by source and project, over IX_Complaints_Referral_ReceivedAt) and its sums.</summary>
public static class ReferralReportQueries
{
    /// <summary>The grouped counts of the referrals received in <paramref name="month"/>, as a query (provider tests translate it).</summary>
    public static IQueryable<ReferralGroup> Groups(IQueryable<Complaint> scope, YearMonth month, CompanyCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(calendar);
        var (start, end) = calendar.MonthRangeUtc(month);
        return scope
            .Where(c => c.Referral!.ReceivedAt >= start && c.Referral.ReceivedAt < end)
            .GroupBy(c => new { c.Referral!.SourceId, c.ProjectId })
            .Select(g => new ReferralGroup(
                g.Key.SourceId,
                g.Key.ProjectId,
                g.Count(),
                g.Count(c => c.Referral!.SignForDue != null),
                g.Count(c => c.Referral!.SignForDue != null
                    && (c.Referral.SignedForAt ?? c.Referral.FirstFeedbackAt ?? c.Referral.ReplySentAt) <= c.Referral.SignForDue),
                g.Count(c => c.Referral!.FirstFeedbackDue != null),
                g.Count(c => c.Referral!.FirstFeedbackDue != null && (c.Referral.FirstFeedbackAt ?? c.Referral.ReplySentAt) <= c.Referral.FirstFeedbackDue),
                g.Count(c => c.Referral!.CompletionDue != null && c.Referral.ReturnedAt == null),
                g.Count(c => c.Referral!.CompletionDue != null && c.Referral.ReturnedAt == null && c.Referral.ReplySentAt <= c.Referral.CompletionDue),
                g.Sum(c => c.Referral!.ExtensionsRequested),
                g.Sum(c => c.Referral!.ExtensionsApproved),
                g.Count(c => c.Referral!.ReturnedAt != null),
                g.Count(c => c.Referral!.Satisfaction == Domain.Referrals.ReferralSatisfaction.Satisfied),
                g.Count(c => c.Referral!.Satisfaction == Domain.Referrals.ReferralSatisfaction.BasicallySatisfied),
                g.Count(c => c.Referral!.Satisfaction == Domain.Referrals.ReferralSatisfaction.Dissatisfied)));
    }

    public static async Task<ReferralReport> BuildAsync(
        ComplaintDeskDbContext db, IQueryable<Complaint> scope, YearMonth month, CompanyCalendar calendar, MasterNames names,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(names);
        var groups = await Groups(scope, month, calendar).ToListAsync(cancellationToken);
        var sources = await db.Set<ReferralSource>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ReferralReport(
            ReferralReportRow.Sum("all", "合计", groups),
            groups.GroupBy(g => g.SourceId).OrderBy(g => g.Key)
                .Select(g => ReferralReportRow.Sum(Key(g.Key), sources.GetValueOrDefault(g.Key) ?? $"来源#{g.Key}", g)).ToList(),
            groups.GroupBy(g => g.ProjectId).OrderByDescending(g => g.Sum(x => x.Received)).ThenBy(g => g.Key)
                .Select(g => ReferralReportRow.Sum(Key(g.Key), names.Project(g.Key), g)).ToList());
    }
}
