using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>Whose complaints a report counts: every one, or those of a set of projects.</summary>
public sealed record ReportScope(string Key, IReadOnlyList<int>? Projects)
{
    public static ReportScope Everything { get; } = new("all", null);

    /// <summary>The complaints of <paramref name="projects"/>; the key names the sorted set (hashed when long).</summary>
    public static ReportScope Of(IEnumerable<int> projects)
    {
        var sorted = projects.Distinct().Order().ToArray();
        var key = "p:" + string.Join(',', sorted.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        if (key.Length > 90)
        {
            key = "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return new ReportScope(key, sorted);
    }

    /// <summary>What a signed-in reader may see, narrowed to one project when asked for (the caller checked access).</summary>
    public static ReportScope For(CurrentStaff staff, int? projectId)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return projectId is { } id ? Of([id]) : staff.IsCompanyWide ? Everything : Of(staff.ProjectIds);
    }

    public bool IsEverything => Projects is null;

    /// <summary>
    /// The same filter written so that no index serves it (<c>ProjectId + 0</c>), for the report's queries, which search
    /// by instant through covering indexes that hold ProjectId; SQLite would otherwise walk a big project's entries in
    /// IX_Complaints_ProjectId_* and read the table for each (80–120 ms instead of 5–10 ms at a million complaints).
    /// </summary>
    public IQueryable<Complaint> ApplyAfterSearch(IQueryable<Complaint> complaints)
    {
        if (Projects is null)
        {
            return complaints;
        }

        if (Projects.Count == 1)
        {
            var only = Projects[0];
            return complaints.Where(c => c.ProjectId + 0 == only);
        }

        var projects = Projects.ToList();
        return complaints.Where(c => projects.Contains(c.ProjectId + 0));
    }
}

public sealed class ReportSnapshotOptions
{
    public const string SectionName = "Reports:Snapshots";

    /// <summary>How long the figures of a running month (cut at "now": open and overdue) are reused when nothing changed.</summary>
    public TimeSpan RunningMonthMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A running month's snapshot younger than this is reused even though complaints changed since; the page says
    /// 数据截至 when. Without it a desk registering every second would regroup the month for every view (each recompute
    /// costs both cores for a few hundred milliseconds at a million complaints). Past months are always exact.
    /// Zero: every change recomputes.
    /// </summary>
    public TimeSpan RunningMonthGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many report queries run at once, each on its own connection (default: two, or one on one core).</summary>
    [Range(1, 16)]
    public int Parallelism { get; set; } = Math.Min(2, Environment.ProcessorCount);
}

/// <summary>
/// The monthly report for pages, the API, the exports and the mail, assembled from snapshots kept in the database
/// and shared by every instance: one month's figures and one month's trend point per scope, each stamped with the
/// versions of the months it depends on (<see cref="ReportMonthVersion"/>, kept by <see cref="ReportVersionInterceptor"/>).
/// A snapshot is reused while the stamps are unchanged; otherwise it is computed by <see cref="MonthlyReportQueries"/>
/// and stored. The major complaints (one indexed query) are always read live. docs/decisions/0006-report-snapshots.md.
/// </summary>
public sealed class MonthlyReportService(
    ComplaintDeskDbContext db,
    IServiceScopeFactory scopeFactory,
    ProcedurePolicies policies,
    WriteGate gate,
    TimeProvider clock,
    IOptions<ReportSnapshotOptions> options,
    ILogger<MonthlyReportService> logger)
{
    public const string FiguresKind = "figures";
    public const string TrendKind = "trend";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>What the last call computed instead of reusing, as "figures 2026-10" / "trend 2026-03" (tests, benchmark).</summary>
    public IReadOnlyList<string> Recomputed { get; private set; } = [];

    public async Task<MonthlyReport> GetAsync(ReportScope scope, YearMonth month, int? projectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Recomputed = [];
        var policy = await policies.GetAsync(cancellationToken);
        var calendar = policy.Calendar;
        var now = clock.GetUtcNow().UtcDateTime;

        // Versions first, data second: a snapshot then never carries a version newer than its data.
        var months = Enumerable.Range(0, 13).Select(i => month.AddMonths(-i)).ToList();
        var versions = await VersionsAsync(months, calendar, cancellationToken);
        var monthKeys = months.Select(m => m.ToString()).ToList();
        var stored = await db.ReportSnapshots.AsNoTracking()
            .Where(s => s.ScopeKey == scope.Key && monthKeys.Contains(s.Month))
            .ToListAsync(cancellationToken);
        var names = await MasterNames.LoadAsync(db, cancellationToken);
        var fresh = new List<ReportSnapshot>();
        var dataAsOf = now;

        // What is not in a valid snapshot is computed in lanes, each with its own context (connection), so that a
        // recomputed month uses both cores: its received half and its resolved half run side by side.
        await using var lanes = new Lanes(scopeFactory, scope, options.Value.Parallelism, cancellationToken);
        var figures = new Dictionary<YearMonth, MonthFigures>();
        var computing = new Dictionary<YearMonth, (Task<ReceivedPart> Received, Task<ResolvedPart> Resolved)>();
        foreach (var m in new[] { month, month.AddMonths(-1), month.AddMonths(-12) })
        {
            var snapshot = stored.SingleOrDefault(s => s.Month == m.ToString() && s.Kind == FiguresKind);
            if (snapshot is not null && IsValid(snapshot, versions[m], calendar.MonthRangeUtc(m).EndUtc, now, asOfMatters: true)
                && JsonSerializer.Deserialize<MonthFigures>(snapshot.Json, _json) is { } cached)
            {
                figures[m] = cached;
                dataAsOf = Min(dataAsOf, snapshot.ComputedAt);
                continue;
            }

            computing[m] = (
                lanes.Run((q, complaints, ct) => q.ReceivedPartAsync(complaints, m, scope.IsEverything, ct)),
                lanes.Run((q, complaints, ct) => q.ResolvedPartAsync(complaints, m, scope.IsEverything, ct)));
        }

        var trend = new Dictionary<YearMonth, TrendPoint>();
        var computingTrend = new Dictionary<YearMonth, Task<TrendPoint>>();
        for (var m = month.AddMonths(-(TrendQuerySet.Months - 1)); m <= month; m = m.AddMonths(1))
        {
            if (figures.ContainsKey(m) || computing.ContainsKey(m))
            {
                continue;
            }

            var snapshot = stored.SingleOrDefault(s => s.Month == m.ToString() && s.Kind == TrendKind);
            if (snapshot is not null && IsValid(snapshot, versions[m], calendar.MonthRangeUtc(m).EndUtc, now, asOfMatters: false)
                && JsonSerializer.Deserialize<TrendPoint>(snapshot.Json, _json) is { } cached)
            {
                trend[m] = cached;
                dataAsOf = Min(dataAsOf, snapshot.ComputedAt);
                continue;
            }

            var point = m;
            computingTrend[m] = lanes.Run((q, complaints, ct) => q.TrendPointAsync(complaints, point, scope.IsEverything, ct));
        }

        var majors = lanes.Run((q, complaints, ct) => q.MajorsAsync(complaints, month, names, ct));

        // 整改措施 are counted live for the three months compared (not part of the snapshots).
        var actionMonths = new[] { month, month.AddMonths(-1), month.AddMonths(-12) };
        var actionFigures = actionMonths.ToDictionary(m => m, m => lanes.Run((q, complaints, ct) => q.CorrectiveActionFiguresAsync(complaints, m, scope.IsEverything, ct)));

        foreach (var (m, parts) in computing)
        {
            figures[m] = MonthlyReportQueries.Combine(m, await parts.Received, await parts.Resolved, names);
            fresh.Add(Snapshot(scope, m, FiguresKind, figures[m], now, versions[m]));
        }

        foreach (var (m, point) in computingTrend)
        {
            trend[m] = await point;
            fresh.Add(Snapshot(scope, m, TrendKind, trend[m], now, versions[m]));
        }

        foreach (var (m, known) in figures)
        {
            trend.TryAdd(m, MonthlyReportQueries.TrendPointOf(known));
        }

        foreach (var (m, counting) in actionFigures)
        {
            figures[m] = figures[m] with { CorrectiveActions = await counting };
        }

        var majorRows = await majors;
        Recomputed = fresh.Select(f => $"{f.Kind} {f.Month}").ToList();
        await StoreAsync(scope, fresh, cancellationToken);

        var scopeName = projectId is { } id ? names.Project(id) : "全部项目";
        var trendInOrder = Enumerable.Range(0, TrendQuerySet.Months).Select(i => trend[month.AddMonths(i - (TrendQuerySet.Months - 1))]).ToList();
        return new MonthlyReport(
            month.ToString(), projectId, scopeName, now, figures[month], figures[month.AddMonths(-1)], figures[month.AddMonths(-12)], trendInOrder, majorRows)
        {
            DataAsOfUtc = dataAsOf,
            RepeatRaises = policy.Classification.RepeatRaises,

            // One grouped query over the referrals received in the month (few beside the complaints): not snapshotted.
            Referrals = await ReferralReportQueries.BuildAsync(
                db, scope.ApplyAfterSearch(db.Complaints.AsNoTracking()), month, calendar, names, cancellationToken),
        };
    }

    /// <summary>
    /// The version of each local month: the stamps of the UTC months its range touches, and the master stamp.
    /// </summary>
    private async Task<Dictionary<YearMonth, string>> VersionsAsync(List<YearMonth> months, CompanyCalendar calendar, CancellationToken cancellationToken)
    {
        var keysByMonth = months.ToDictionary(m => m, m =>
        {
            var (start, end) = calendar.MonthRangeUtc(m);
            var keys = new List<string>();
            for (var cursor = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc); cursor < end; cursor = cursor.AddMonths(1))
            {
                keys.Add(ReportVersionInterceptor.MonthKey(cursor));
            }

            return keys;
        });
        var wanted = keysByMonth.Values.SelectMany(k => k).Append(ReportMonthVersion.MasterKey).Distinct().ToList();
        var stamps = await db.ReportMonthVersions.AsNoTracking().Where(v => wanted.Contains(v.Month))
            .ToDictionaryAsync(v => v.Month, v => v.Stamp, cancellationToken);
        string Stamp(string key) => stamps.GetValueOrDefault(key).ToString("x", CultureInfo.InvariantCulture);
        return keysByMonth.ToDictionary(
            p => p.Key,
            p => string.Join('.', p.Value.Select(Stamp)) + "/" + Stamp(ReportMonthVersion.MasterKey));
    }

    /// <summary>
    /// Valid when computed under the current versions and, for figures cut at "now" (a month not yet over when
    /// computed), only while the month still runs and for <see cref="ReportSnapshotOptions.RunningMonthMaxAge"/>.
    /// </summary>
    private bool IsValid(ReportSnapshot snapshot, string version, DateTime monthEnd, DateTime now, bool asOfMatters)
    {
        var running = now < monthEnd && snapshot.ComputedAt <= now;
        if (!string.Equals(snapshot.DataVersion, version, StringComparison.Ordinal))
        {
            return running && now - snapshot.ComputedAt < options.Value.RunningMonthGrace;
        }

        if (!asOfMatters || snapshot.ComputedAt >= monthEnd)
        {
            return true;
        }

        return running && now - snapshot.ComputedAt <= options.Value.RunningMonthMaxAge;
    }

    private static ReportSnapshot Snapshot<T>(ReportScope scope, YearMonth month, string kind, T value, DateTime now, string version) => new()
    {
        ScopeKey = scope.Key,
        Month = month.ToString(),
        Kind = kind,
        Json = JsonSerializer.Serialize(value, _json),
        ComputedAt = now,
        DataVersion = version,
    };

    /// <summary>Replaces the scope's snapshots of those months; another instance storing the same ones at once wins.</summary>
    private async Task StoreAsync(ReportScope scope, List<ReportSnapshot> fresh, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            try
            {
                // One transaction (one commit) for the deletes and the inserts; retried as a whole on SQL Server.
                var strategy = db.Database.CreateExecutionStrategy();
                await strategy.ExecuteAsync(async ct =>
                {
                    Detach(fresh);
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    foreach (var kind in fresh.Select(s => s.Kind).Distinct())
                    {
                        var months = fresh.Where(s => s.Kind == kind).Select(s => s.Month).ToList();
                        await db.ReportSnapshots.Where(s => s.ScopeKey == scope.Key && s.Kind == kind && months.Contains(s.Month))
                            .ExecuteDeleteAsync(ct);
                    }

                    db.ReportSnapshots.AddRange(fresh);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }, cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                logger.LogDebug(exception, "Report snapshots of {ScopeKey} were stored by another instance at the same time", scope.Key);
            }
            finally
            {
                Detach(fresh);
            }
        }
    }

    private void Detach(List<ReportSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            db.Entry(snapshot).State = EntityState.Detached;
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>
    /// Runs report queries at most <c>parallelism</c> at a time, each in its own service scope (its own pooled context
    /// and connection; SQLite in WAL mode reads on several connections at once). Waits for everything it started when
    /// disposed, so that no query outlives the request even when another one failed.
    /// </summary>
    private sealed class Lanes(IServiceScopeFactory scopeFactory, ReportScope scope, int parallelism, CancellationToken cancellationToken) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _free = new(Math.Max(1, parallelism));
        private readonly List<Task> _started = [];

        public Task<T> Run<T>(Func<MonthlyReportQueries, IQueryable<Complaint>, CancellationToken, Task<T>> work)
        {
            // Microsoft.Data.Sqlite completes its "async" calls synchronously on the caller's thread: without a thread of
            // its own each lane would run to its end before the next one started.
            var task = Task.Run(() => RunAsync(work), cancellationToken);
            _started.Add(task);
            return task;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await Task.WhenAll(_started);
            }
            catch (Exception)
            {
                // A failure reached the report through the task that failed; here only the waiting matters.
            }

            _free.Dispose();
        }

        private async Task<T> RunAsync<T>(Func<MonthlyReportQueries, IQueryable<Complaint>, CancellationToken, Task<T>> work)
        {
            await _free.WaitAsync(cancellationToken);
            try
            {
                await using var lane = scopeFactory.CreateAsyncScope();
                var laneDb = lane.ServiceProvider.GetRequiredService<ComplaintDeskDbContext>();
                // Every report query searches by instant through its covering index and filters projects inside it.
                var complaints = scope.ApplyAfterSearch(laneDb.Complaints.AsNoTracking());
                return await work(lane.ServiceProvider.GetRequiredService<MonthlyReportQueries>(), complaints, cancellationToken);
            }
            finally
            {
                _free.Release();
            }
        }
    }
}
