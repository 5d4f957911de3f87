using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>Received in the month, by type and severity, with the counts that need no other cut.</summary>
public sealed record SummaryGroup(
    ComplaintType Type,
    Severity? Severity,
    int Received,
    int Dispatched,
    int DispatchedOnTime,
    int Repeat,
    int Group,
    int GovernmentReferral,
    int Closed);

/// <summary>Received in the month under one key of a breakdown (project, department, topic or channel id).</summary>
public sealed record KeyGroup(int? Key, int Received, int Effective);

/// <summary>Resolved in the month, by type.</summary>
public sealed record ResolvedGroup(ComplaintType Type, int Resolved, int OnTime, int FollowedUp, double? TotalHours);

public sealed record OutcomeGroup(FollowUpOutcome Outcome, int Count);

public sealed record OpenGroup(ComplaintType Type, int Open, int Overdue);

/// <summary>A month of the trend (index 0 = eleven months before the report's month) and its counts.</summary>
public sealed record TrendGroup(int Index, int Count, int Other);

/// <summary>What the report needs of a complaint resolved in the month; hours computed by the database.</summary>
public sealed class ResolvedFact
{
    public ComplaintType Type { get; init; }

    public bool OnTime { get; init; }

    public bool FollowedUp { get; init; }

    public double? Hours { get; init; }
}

/// <summary>The part of a month's figures cut by registration time.</summary>
public sealed record ReceivedPart(
    List<SummaryGroup> Summary, List<KeyGroup> ByProject, List<KeyGroup> ByDepartment, List<KeyGroup> ByTopic, List<KeyGroup> ByChannel)
{
    /// <summary>Closed at the month's cut and reopened since: closed then, though their ClosedAt no longer says so.</summary>
    public List<OpenGroup> ClosedThenReopened { get; init; } = [];
}

/// <summary>The part of a month's figures cut by resolution and follow-up time, and what was open at the cut.</summary>
public sealed record ResolvedPart(List<ResolvedGroup> Resolved, double? Median, List<OutcomeGroup> Outcomes, List<OpenGroup> Open);

public sealed record MajorFact(long Id, string Number, DateTime RegisteredAt, int ProjectId, int TopicId, ComplaintStatus Status, string Clauses, DateTime? BecameMajorAt);

/// <summary>
/// The queries of one month, each an <see cref="IQueryable{T}"/> so that tests can check that every provider
/// translates them. Months are half-open UTC ranges cut in the company's time zone; see
/// docs/decisions/0004-monthly-report.md for what each figure counts.
/// </summary>
public sealed class MonthQuerySet
{
    /// <param name="scopeIsEverything">True when <paramref name="scope"/> is every complaint: follow-ups then need no
    /// look-up of their complaint.</param>
    public MonthQuerySet(
        ComplaintDeskDbContext db, IQueryable<Complaint> scope, YearMonth month, CompanyCalendar calendar, DateTime nowUtc, bool scopeIsEverything = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        Month = month;
        (Start, End) = calendar.MonthRangeUtc(month);
        AsOf = End < nowUtc ? End : nowUtc;
        var start = Start;
        var end = End;
        var asOf = AsOf;

        var received = scope.Where(c => c.RegisteredAt >= start && c.RegisteredAt < end);
        Summary = received
            .GroupBy(c => new { c.Type, c.Severity })
            .OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Severity)
            .Select(g => new SummaryGroup(
                g.Key.Type,
                g.Key.Severity,
                g.Count(),
                g.Count(c => c.DispatchedOnTime != null),
                g.Count(c => c.DispatchedOnTime == true),
                g.Count(c => c.IsRepeat),
                g.Count(c => c.IsGroup),
                g.Count(c => c.IsGovernmentReferral),
                g.Count(c => c.ClosedAt != null && c.ClosedAt < asOf)));

        // One GROUP BY per table, each over the covering IX_Complaints_RegisteredAt_Report range. Grouping by
        // ProjectId + 0 keeps SQLite from walking IX_Complaints_ProjectId_RegisteredAt (in group order but not covering):
        // 80 ms → 10 ms at a million complaints (docs/decisions/0006-report-snapshots.md).
        ByProject = received.GroupBy(c => c.ProjectId + 0)
            .Select(g => new KeyGroup(g.Key, g.Count(), g.Count(c => c.Type == ComplaintType.A)));
        ByDepartment = received.GroupBy(c => c.DepartmentId)
            .Select(g => new KeyGroup(g.Key, g.Count(), g.Count(c => c.Type == ComplaintType.A)));
        ByTopic = received.GroupBy(c => c.TopicId)
            .Select(g => new KeyGroup(g.Key, g.Count(), g.Count(c => c.Type == ComplaintType.A)));
        ByChannel = received.GroupBy(c => c.Channel)
            .Select(g => new KeyGroup((int)g.Key, g.Count(), g.Count(c => c.Type == ComplaintType.A)));

        var resolved = scope.Where(c => c.ResolvedAt >= start && c.ResolvedAt < end);
        ResolvedFacts = resolved.Select(c => new ResolvedFact
        {
            Type = c.Type,
            OnTime = c.ResolvedOnTime == true,
            FollowedUp = c.FollowedUpAt != null && c.FollowedUpAt >= c.ResolvedAt,
            Hours = c.HoursToResolve,
        });

        Resolved = ResolvedFacts
            .GroupBy(f => f.Type)
            .OrderBy(g => g.Key)
            .Select(g => new ResolvedGroup(g.Key, g.Count(), g.Count(f => f.OnTime), g.Count(f => f.FollowedUp), g.Sum(f => f.Hours)));

        var followUps = db.FollowUps.Where(f => f.At >= start && f.At < end && f.Outcome != FollowUpOutcome.Unreachable);
        Outcomes = (scopeIsEverything ? followUps : followUps.Where(f => scope.Any(c => c.Id == f.ComplaintId)))
            .GroupBy(f => f.Outcome)
            .OrderBy(g => g.Key)
            .Select(g => new OutcomeGroup(g.Key, g.Count()));

        // Open at month end: what the complaint's timeline says at the cut (its last entry before it), whatever happened
        // after. Only three disjoint sets can have been open then, each found through its own index instead of scanning
        // everything registered before the month's end: still open now, resolved (or closed) after the cut — reopened
        // ones included, whose ResolvedAt is the latest —, and withdrawn after the cut.
        var stillOpen = scope.Where(c => c.RegisteredAt < asOf
            && (c.Status == ComplaintStatus.Registered || c.Status == ComplaintStatus.InProgress || c.Status == ComplaintStatus.OnHold));
        var resolvedAfter = scope.Where(c => c.ResolvedAt >= asOf && c.RegisteredAt < asOf && c.Status != ComplaintStatus.Withdrawn);
        var withdrawnAfter = scope.Where(c => c.WithdrawnAt >= asOf && c.RegisteredAt < asOf);
        OpenNow = OpenGroups(db, stillOpen, asOf, overdueOnly: false);
        ResolvedAfter = OpenGroups(db, resolvedAfter, asOf, overdueOnly: false);
        WithdrawnAfter = OpenGroups(db, withdrawnAfter, asOf, overdueOnly: false);
        OverdueOpenNow = OpenGroups(db, stillOpen, asOf, overdueOnly: true);
        OverdueResolvedAfter = OpenGroups(db, resolvedAfter, asOf, overdueOnly: true);
        OverdueWithdrawnAfter = OpenGroups(db, withdrawnAfter, asOf, overdueOnly: true);

        // Closed before the month's end: ClosedAt is the latest close, so a complaint closed then and reopened later has
        // none (or a later one); its timeline says whether it stood closed at the cut.
        ClosedThenReopened = received
            .Where(c => c.ReopenCount > 0 && (c.ClosedAt == null || c.ClosedAt >= asOf)
                && db.TimelineEntries.Where(t => t.ComplaintId == c.Id && t.At < asOf)
                    .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
                    .Select(t => t.ToStatus)
                    .FirstOrDefault() == ComplaintStatus.Closed)
            .GroupBy(c => c.Type)
            .OrderBy(g => g.Key)
            .Select(g => new OpenGroup(g.Key, g.Count(), 0));

        Majors = scope
            .Where(c => c.Severity == Severity.Major
                && ((c.RegisteredAt >= start && c.RegisteredAt < end) || (c.BecameMajorAt >= start && c.BecameMajorAt < end)))
            .OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id)
            .Select(c => new MajorFact(c.Id, c.Number, c.RegisteredAt, c.ProjectId, c.TopicId, c.Status, c.Clauses, c.BecameMajorAt));
    }

    public YearMonth Month { get; }

    public DateTime Start { get; }

    public DateTime End { get; }

    /// <summary>The month's end, or now while the month is still running: "at month end" figures are cut here.</summary>
    public DateTime AsOf { get; }

    public IQueryable<SummaryGroup> Summary { get; }

    public IQueryable<KeyGroup> ByProject { get; }

    public IQueryable<KeyGroup> ByDepartment { get; }

    public IQueryable<KeyGroup> ByTopic { get; }

    public IQueryable<KeyGroup> ByChannel { get; }

    public IQueryable<ResolvedFact> ResolvedFacts { get; }

    public IQueryable<ResolvedGroup> Resolved { get; }

    public IQueryable<OutcomeGroup> Outcomes { get; }

    /// <summary>Open at the cut and still open now (Overdue is 0: see <see cref="OverdueOpenNow"/>).</summary>
    public IQueryable<OpenGroup> OpenNow { get; }

    /// <summary>Open at the cut and resolved after it.</summary>
    public IQueryable<OpenGroup> ResolvedAfter { get; }

    /// <summary>Open at the cut and withdrawn after it.</summary>
    public IQueryable<OpenGroup> WithdrawnAfter { get; }

    /// <summary>Overdue at the cut and still open now (Open counts them).</summary>
    public IQueryable<OpenGroup> OverdueOpenNow { get; }

    /// <summary>Overdue at the cut and resolved after it.</summary>
    public IQueryable<OpenGroup> OverdueResolvedAfter { get; }

    /// <summary>Overdue at the cut and withdrawn after it.</summary>
    public IQueryable<OpenGroup> OverdueWithdrawnAfter { get; }

    /// <summary>Received in the month, closed at its cut and reopened since (Open counts them).</summary>
    public IQueryable<OpenGroup> ClosedThenReopened { get; }

    public IQueryable<MajorFact> Majors { get; }

    /// <summary>The middle one or two durations (hours) of the month's resolutions, found by the database.</summary>
    public IQueryable<double?> MedianCandidates(int resolvedWithHours) =>
        ResolvedFacts.Where(f => f.Hours != null).OrderBy(f => f.Hours).Select(f => f.Hours)
            .Skip(Math.Max(0, (resolvedWithHours - 1) / 2)).Take(resolvedWithHours % 2 == 0 ? 2 : 1);

    public IEnumerable<IQueryable> All()
    {
        yield return Summary;
        yield return ByProject;
        yield return ByDepartment;
        yield return ByTopic;
        yield return ByChannel;
        yield return Resolved;
        yield return MedianCandidates(10);
        yield return Outcomes;
        yield return OpenNow;
        yield return ResolvedAfter;
        yield return WithdrawnAfter;
        yield return OverdueOpenNow;
        yield return OverdueResolvedAfter;
        yield return OverdueWithdrawnAfter;
        yield return ClosedThenReopened;
        yield return Majors;
    }

    /// <summary>
    /// Of <paramref name="candidates"/>, those open at <paramref name="asOf"/> (or only those overdue then), by type. The
    /// state at the cut is the complaint's last timeline entry before it: its status, and the resolution due instant
    /// stamped on it. On hold at the cut, the clock had stopped when that entry was written, so the complaint was overdue
    /// only if it already was then (due before the entry); otherwise overdue when due before the cut. Entries from before
    /// the stamp existed fall back to the complaint's stored due instant. A correlated subquery in WHERE, not inside the
    /// aggregate: SQL Server refuses a subquery within COUNT.
    /// </summary>
    private static IQueryable<OpenGroup> OpenGroups(ComplaintDeskDbContext db, IQueryable<Complaint> candidates, DateTime asOf, bool overdueOnly)
    {
        var atCut = candidates.Select(c => new
        {
            c.Type,
            State = db.TimelineEntries
                .Where(t => t.ComplaintId == c.Id && t.At < asOf)
                .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
                .Select(t => t.ToStatus == ComplaintStatus.Registered || t.ToStatus == ComplaintStatus.InProgress || t.ToStatus == ComplaintStatus.OnHold
                    ? ((t.ResolutionDue ?? c.ResolutionDue) < (t.ToStatus == ComplaintStatus.OnHold ? t.At : asOf) ? OverdueAtCut : OpenAtCut)
                    : NotOpenAtCut)
                .FirstOrDefault(),
        });
        var wanted = overdueOnly ? atCut.Where(x => x.State == OverdueAtCut) : atCut.Where(x => x.State >= OpenAtCut);
        return wanted.GroupBy(x => x.Type).OrderBy(g => g.Key).Select(g => new OpenGroup(g.Key, g.Count(), 0));
    }

    private const int NotOpenAtCut = 0;
    private const int OpenAtCut = 1;
    private const int OverdueAtCut = 2;
}

/// <summary>
/// The 12-month trend: for each month three small grouped queries over that month's range (received by type,
/// resolved by on-time, follow-ups by outcome), each answered from a covering index. A CASE over the month
/// boundaries in one grouped query was measured slower on SQLite (docs/decisions/0004-monthly-report.md).
/// </summary>
public sealed class TrendQuerySet
{
    public const int Months = 12;

    public TrendQuerySet(
        ComplaintDeskDbContext db, IQueryable<Complaint> scope, YearMonth lastMonth, CompanyCalendar calendar, bool scopeIsEverything = false, int months = Months)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        FirstMonth = lastMonth.AddMonths(-(months - 1));
        Bounds = Enumerable.Range(0, months + 1).Select(i => calendar.MonthRangeUtc(FirstMonth.AddMonths(i)).StartUtc).ToArray();
        var received = new List<IQueryable<TrendGroup>>();
        var resolved = new List<IQueryable<TrendGroup>>();
        var outcomes = new List<IQueryable<TrendGroup>>();
        for (var i = 0; i < months; i++)
        {
            var index = i;
            var start = Bounds[i];
            var end = Bounds[i + 1];
            received.Add(scope
                .Where(c => c.RegisteredAt >= start && c.RegisteredAt < end)
                .GroupBy(c => c.Type)
                .OrderBy(g => g.Key)
                .Select(g => new TrendGroup(index, g.Count(), g.Key == ComplaintType.A ? g.Count() : 0)));
            resolved.Add(scope
                .Where(c => c.ResolvedAt >= start && c.ResolvedAt < end)
                .GroupBy(c => c.ResolvedOnTime)
                .OrderBy(g => g.Key)
                .Select(g => new TrendGroup(index, g.Count(), g.Key == true ? g.Count() : 0)));
            var followUps = db.FollowUps.Where(f => f.At >= start && f.At < end && f.Outcome != FollowUpOutcome.Unreachable);
            outcomes.Add((scopeIsEverything ? followUps : followUps.Where(f => scope.Any(c => c.Id == f.ComplaintId)))
                .GroupBy(f => f.Outcome)
                .OrderBy(g => g.Key)
                .Select(g => new TrendGroup(
                    index, g.Count(), g.Key == FollowUpOutcome.Satisfied || g.Key == FollowUpOutcome.BasicallySatisfied ? g.Count() : 0)));
        }

        Received = received;
        Resolved = resolved;
        Outcomes = outcomes;
    }

    public YearMonth FirstMonth { get; }

    /// <summary>Start of each month in UTC, and the end of the last.</summary>
    public IReadOnlyList<DateTime> Bounds { get; }

    /// <summary>Per month: received by type; Other = effective (A).</summary>
    public IReadOnlyList<IQueryable<TrendGroup>> Received { get; }

    /// <summary>Per month: resolved by on-time; Other = resolved on time.</summary>
    public IReadOnlyList<IQueryable<TrendGroup>> Resolved { get; }

    /// <summary>Per month: follow-ups with an answer by outcome; Other = satisfied or basically satisfied.</summary>
    public IReadOnlyList<IQueryable<TrendGroup>> Outcomes { get; }

    public IEnumerable<IQueryable> All() => Received.Concat(Resolved).Concat(Outcomes);
}

/// <summary>Computes the monthly report in the database: grouped counts and sums only, no complaint is loaded.</summary>
public sealed class MonthlyReportQueries(ComplaintDeskDbContext db, ProcedurePolicies policies, TimeProvider clock)
{
    public async Task<MonthQuerySet> QueriesAsync(
        IQueryable<Complaint> scope, YearMonth month, bool scopeIsEverything = false, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        return new MonthQuerySet(db, scope, month, policy.Calendar, clock.GetUtcNow().UtcDateTime, scopeIsEverything);
    }

    public async Task<TrendQuerySet> TrendQueriesAsync(
        IQueryable<Complaint> scope, YearMonth month, bool scopeIsEverything = false, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        return new TrendQuerySet(db, scope, month, policy.Calendar, scopeIsEverything);
    }

    /// <summary>
    /// The report of <paramref name="month"/> over <paramref name="scope"/> (the complaints the reader may see),
    /// narrowed to one project when <paramref name="projectId"/> is given. <paramref name="scopeIsEverything"/> says that
    /// the scope is every complaint (a company-wide reader), which spares the follow-up queries a look-up.
    /// Always computes everything; pages and the API read it through <see cref="MonthlyReportService"/>, which keeps
    /// the parts in shared snapshots.
    /// </summary>
    public async Task<MonthlyReport> BuildAsync(
        IQueryable<Complaint> scope, YearMonth month, int? projectId, bool scopeIsEverything = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var policy = await policies.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (projectId is { } onlyProject)
        {
            scope = scope.Where(c => c.ProjectId == onlyProject);
            scopeIsEverything = false;
        }

        var names = await MasterNames.LoadAsync(db, cancellationToken);
        var current = await FiguresAsync(new MonthQuerySet(db, scope, month, policy.Calendar, now, scopeIsEverything), names, cancellationToken)
            with { CorrectiveActions = await CorrectiveActionFigures.CountAsync(db, scope, month, policy.Calendar, scopeIsEverything, cancellationToken) };
        var previous = await FiguresAsync(new MonthQuerySet(db, scope, month.AddMonths(-1), policy.Calendar, now, scopeIsEverything), names, cancellationToken)
            with { CorrectiveActions = await CorrectiveActionFigures.CountAsync(db, scope, month.AddMonths(-1), policy.Calendar, scopeIsEverything, cancellationToken) };
        var yearBefore = await FiguresAsync(new MonthQuerySet(db, scope, month.AddMonths(-12), policy.Calendar, now, scopeIsEverything), names, cancellationToken)
            with { CorrectiveActions = await CorrectiveActionFigures.CountAsync(db, scope, month.AddMonths(-12), policy.Calendar, scopeIsEverything, cancellationToken) };
        var trend = await TrendAsync(new TrendQuerySet(db, scope, month, policy.Calendar, scopeIsEverything), cancellationToken);
        var majors = await MajorsAsync(scope, month, names, cancellationToken);

        var scopeName = projectId is { } id ? names.Project(id) : "全部项目";
        return new MonthlyReport(month.ToString(), projectId, scopeName, now, current, previous, yearBefore, trend, majors) { DataAsOfUtc = now };
    }

    /// <summary>Every figure of one month over <paramref name="scope"/>.</summary>
    public async Task<MonthFigures> MonthFiguresAsync(
        IQueryable<Complaint> scope, YearMonth month, bool scopeIsEverything, MasterNames names, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        return await FiguresAsync(
            new MonthQuerySet(db, scope, month, policy.Calendar, clock.GetUtcNow().UtcDateTime, scopeIsEverything), names, cancellationToken);
    }

    /// <summary>整改措施 of one month over <paramref name="scope"/> (live, not snapshotted).</summary>
    public async Task<CorrectiveActionFigures> CorrectiveActionFiguresAsync(
        IQueryable<Complaint> scope, YearMonth month, bool scopeIsEverything, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        return await CorrectiveActionFigures.CountAsync(db, scope, month, policy.Calendar, scopeIsEverything, cancellationToken);
    }

    /// <summary>One month of the trend (three small grouped queries).</summary>
    public async Task<TrendPoint> TrendPointAsync(
        IQueryable<Complaint> scope, YearMonth month, bool scopeIsEverything, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        return (await TrendAsync(new TrendQuerySet(db, scope, month, policy.Calendar, scopeIsEverything, months: 1), cancellationToken))[0];
    }

    /// <summary>The month's major complaints as they stand now (status included).</summary>
    public async Task<IReadOnlyList<MajorComplaintRow>> MajorsAsync(
        IQueryable<Complaint> scope, YearMonth month, MasterNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var policy = await policies.GetAsync(cancellationToken);
        var majors = await new MonthQuerySet(db, scope, month, policy.Calendar, clock.GetUtcNow().UtcDateTime).Majors.Take(500).ToListAsync(cancellationToken);
        return majors.Select(m => new MajorComplaintRow(
            m.Id, m.Number, m.RegisteredAt, names.Project(m.ProjectId), names.Topic(m.TopicId), m.Status, Lifecycle.LabelOf(m.Status),
            m.Clauses, m.BecameMajorAt)).ToList();
    }

    /// <summary>The trend point of a month whose figures are at hand: the same counts.</summary>
    public static TrendPoint TrendPointOf(MonthFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new TrendPoint(
            figures.Month, figures.Received, figures.Effective, figures.Resolved, figures.ResolvedOnTime, figures.FollowUps,
            figures.Satisfied + figures.BasicallySatisfied);
    }

    /// <summary>The received half of a month's figures: what is cut by registration time.</summary>
    public async Task<ReceivedPart> ReceivedPartAsync(
        IQueryable<Complaint> scope, YearMonth month, bool scopeIsEverything, CancellationToken cancellationToken = default) =>
        await ReceivedPartAsync(await QueriesAsync(scope, month, scopeIsEverything, cancellationToken), cancellationToken);

    /// <summary>The resolved half of a month's figures: resolutions, follow-ups and what was open at the cut.</summary>
    public async Task<ResolvedPart> ResolvedPartAsync(
        IQueryable<Complaint> scope, YearMonth month, bool scopeIsEverything, CancellationToken cancellationToken = default) =>
        await ResolvedPartAsync(await QueriesAsync(scope, month, scopeIsEverything, cancellationToken), cancellationToken);

    private static async Task<MonthFigures> FiguresAsync(MonthQuerySet q, MasterNames names, CancellationToken cancellationToken) =>
        Combine(q.Month, await ReceivedPartAsync(q, cancellationToken), await ResolvedPartAsync(q, cancellationToken), names);

    private static async Task<ReceivedPart> ReceivedPartAsync(MonthQuerySet q, CancellationToken cancellationToken) => new(
        await q.Summary.ToListAsync(cancellationToken),
        await q.ByProject.ToListAsync(cancellationToken),
        await q.ByDepartment.ToListAsync(cancellationToken),
        await q.ByTopic.ToListAsync(cancellationToken),
        await q.ByChannel.ToListAsync(cancellationToken))
    {
        ClosedThenReopened = await q.ClosedThenReopened.ToListAsync(cancellationToken),
    };

    private static async Task<ResolvedPart> ResolvedPartAsync(MonthQuerySet q, CancellationToken cancellationToken)
    {
        var resolved = await q.Resolved.ToListAsync(cancellationToken);
        var outcomes = await q.Outcomes.ToListAsync(cancellationToken);
        var open = (await q.OpenNow.ToListAsync(cancellationToken))
            .Concat(await q.ResolvedAfter.ToListAsync(cancellationToken))
            .Concat(await q.WithdrawnAfter.ToListAsync(cancellationToken))
            .ToList();
        var overdue = (await q.OverdueOpenNow.ToListAsync(cancellationToken))
            .Concat(await q.OverdueResolvedAfter.ToListAsync(cancellationToken))
            .Concat(await q.OverdueWithdrawnAfter.ToListAsync(cancellationToken))
            .ToList();
        open = [.. open.GroupBy(o => o.Type).Select(g => new OpenGroup(g.Key, g.Sum(o => o.Open), overdue.Where(o => o.Type == g.Key).Sum(o => o.Open)))];

        var resolvedCount = resolved.Sum(r => r.Resolved);
        double? median = null;
        if (resolvedCount > 0)
        {
            var middle = await q.MedianCandidates(resolvedCount).ToListAsync(cancellationToken);
            median = middle.Count == 0 ? null : middle.Average();
        }

        return new ResolvedPart(resolved, median, outcomes, open);
    }

    /// <summary>Every figure of a month from its two halves (each computed by the database).</summary>
    public static MonthFigures Combine(YearMonth month, ReceivedPart receivedPart, ResolvedPart resolvedPart, MasterNames names)
    {
        ArgumentNullException.ThrowIfNull(receivedPart);
        ArgumentNullException.ThrowIfNull(resolvedPart);
        ArgumentNullException.ThrowIfNull(names);
        var (summary, byProject, byDepartment, byTopic, byChannel) = receivedPart;
        var (resolved, median, outcomes, open) = resolvedPart;
        var resolvedCount = resolved.Sum(r => r.Resolved);
        var totalHours = resolved.Sum(r => r.TotalHours ?? 0);
        var received = summary.Sum(s => s.Received);
        var byType = Enum.GetValues<ComplaintType>()
            .Select(t => new CountRow(t.ToString(), Labels.Of(t), summary.Where(s => s.Type == t).Sum(s => s.Received)))
            .ToList();
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Select(s => new CountRow(s.ToString(), Labels.Of(s), summary.Where(g => g.Type == ComplaintType.A && g.Severity == s).Sum(g => g.Received)))
            .ToList();

        return new MonthFigures(
            month.ToString(),
            received,
            byType.Single(t => t.Key == nameof(ComplaintType.A)).Count,
            byType,
            bySeverity,
            Rows(byProject, k => Id(k), k => names.Project(k!.Value)),
            Rows(byDepartment, k => k is null ? "-" : Id(k), k => k is { } d ? names.Department(d) : "未派单"),
            Rows(byTopic, k => Id(k), k => names.Topic(k!.Value)),
            Rows(byChannel, k => ((Channel)k!.Value).ToString(), k => ComplaintLabels.Of((Channel)k!.Value)),
            summary.Sum(s => s.Dispatched),
            summary.Sum(s => s.DispatchedOnTime),
            resolvedCount,
            resolved.Sum(r => r.OnTime),
            resolvedCount == 0 ? null : totalHours / resolvedCount,
            median,
            resolved.Sum(r => r.FollowedUp),
            outcomes.Sum(o => o.Count),
            outcomes.Where(o => o.Outcome == FollowUpOutcome.Satisfied).Sum(o => o.Count),
            outcomes.Where(o => o.Outcome == FollowUpOutcome.BasicallySatisfied).Sum(o => o.Count),
            outcomes.Where(o => o.Outcome == FollowUpOutcome.Dissatisfied).Sum(o => o.Count),
            summary.Sum(s => s.Closed) + receivedPart.ClosedThenReopened.Sum(o => o.Open),
            open.Sum(o => o.Open),
            open.Sum(o => o.Overdue),
            summary.Sum(s => s.Repeat),
            summary.Sum(s => s.Group),
            summary.Sum(s => s.GovernmentReferral));
    }

    private static List<BreakdownRow> Rows(List<KeyGroup> groups, Func<int?, string> key, Func<int?, string> name) =>
        groups
            .Select(g => new BreakdownRow(key(g.Key), name(g.Key), g.Received, g.Effective))
            .OrderByDescending(r => r.Received).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    private static string Id(int? key) => key!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<TrendPoint>> TrendAsync(TrendQuerySet q, CancellationToken cancellationToken)
    {
        var points = new List<TrendPoint>(q.Received.Count);
        for (var i = 0; i < q.Received.Count; i++)
        {
            var received = await q.Received[i].ToListAsync(cancellationToken);
            var resolved = await q.Resolved[i].ToListAsync(cancellationToken);
            var outcomes = await q.Outcomes[i].ToListAsync(cancellationToken);
            points.Add(new TrendPoint(
                q.FirstMonth.AddMonths(i).ToString(),
                received.Sum(g => g.Count),
                received.Sum(g => g.Other),
                resolved.Sum(g => g.Count),
                resolved.Sum(g => g.Other),
                outcomes.Sum(g => g.Count),
                outcomes.Sum(g => g.Other)));
        }

        return points;
    }
}

/// <summary>Names of projects, departments and topics (small tables, read once per report).</summary>
public sealed class MasterNames
{
    private readonly Dictionary<int, string> _projects;
    private readonly Dictionary<int, string> _departments;
    private readonly Dictionary<int, string> _topics;

    private MasterNames(Dictionary<int, string> projects, Dictionary<int, string> departments, Dictionary<int, string> topics)
    {
        _projects = projects;
        _departments = departments;
        _topics = topics;
    }

    public static async Task<MasterNames> LoadAsync(ComplaintDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new MasterNames(
            await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken),
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken),
            await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken));
    }

    public string Project(int id) => _projects.GetValueOrDefault(id) ?? $"项目#{id}";

    public string Department(int id) => _departments.GetValueOrDefault(id) ?? $"部门#{id}";

    public string Topic(int id) => _topics.GetValueOrDefault(id) ?? $"事项#{id}";
}
