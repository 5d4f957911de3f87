using System.Diagnostics;
using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Benchmarks;

/// <summary>Times the report as the page computes it, then each of its queries, on a warm connection.</summary>
public static class ReportTimer
{
    public static async Task RunAsync(HarnessOptions options)
    {
        // Five days after the month: the report as the managers get it.
        var clock = Database.ClockFor(options);
        await using var db = new ComplaintDeskDbContext(Database.Options(options.DatabasePath, clock));
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var policies = new ProcedurePolicies(db, cache);
        var reports = new MonthlyReportQueries(db, policies, clock);

        // The report's lanes each take a context of their own from a scope, as in the app.
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IMemoryCache>(cache);
        var laneOptions = Database.Options(options.DatabasePath, clock);
        services.AddScoped(_ => new ComplaintDeskDbContext(laneOptions));
        services.AddScoped<ProcedurePolicies>();
        services.AddScoped<MonthlyReportQueries>();
        await using var provider = services.BuildServiceProvider();
        MonthlyReportService Service(int parallelism) => new(
            db, provider.GetRequiredService<IServiceScopeFactory>(), policies, new WriteGate(true), clock,
            Options.Create(new ReportSnapshotOptions { Parallelism = parallelism }), NullLogger<MonthlyReportService>.Instance);
        var service = Service(2);
        var all = db.Complaints.AsNoTracking();
        var scopes = new (string Name, ReportScope Scope, int? Project)[]
        {
            ("company-wide", ReportScope.Everything, null),
            ("one project (projectId=1)", ReportScope.Of([1]), 1),
            ("staff of projects 1,2", ReportScope.Of([1, 2]), null),
        };

        await service.GetAsync(ReportScope.Everything, options.Month, null);
        foreach (var (name, scope, project) in scopes)
        {
            await TimeAsync($"Report from nothing (3 months of figures, 10 trend points), {name}", options.Runs, async () =>
            {
                await db.ReportSnapshots.ExecuteDeleteAsync();
                await service.GetAsync(scope, options.Month, project);
            });
            await TimeAsync($"Report from snapshots, {name}", options.Runs, () => service.GetAsync(scope, options.Month, project));
            await TimeAsync($"Report after a change in its month (its figures recomputed), {name}", options.Runs, async () =>
            {
                await BumpAsync(db, options.Month);
                await service.GetAsync(scope, options.Month, project);
            });
        }

        var oneLane = Service(1);
        await TimeAsync("Report after a change in its month, company-wide, one lane (Reports:Snapshots:Parallelism=1)", options.Runs, async () =>
        {
            await BumpAsync(db, options.Month);
            await oneLane.GetAsync(ReportScope.Everything, options.Month, null);
        });

        var names = await MasterNames.LoadAsync(db, CancellationToken.None);
        await TimeAsync("One month's figures computed (no snapshot read or written), company-wide", options.Runs,
            () => reports.MonthFiguresAsync(all, options.Month, true, names));
        var q = await reports.QueriesAsync(all, options.Month, scopeIsEverything: true);
        await TimeAsync("  of which summary, materialized", options.Runs, () => q.Summary.ToListAsync());
        await TimeAsync("  of which the four breakdowns, materialized", options.Runs, async () =>
        {
            await q.ByProject.ToListAsync();
            await q.ByDepartment.ToListAsync();
            await q.ByTopic.ToListAsync();
            await q.ByChannel.ToListAsync();
        });
        await TimeAsync("  of which resolved, materialized", options.Runs, () => q.Resolved.ToListAsync());

        await db.ReportSnapshots.ExecuteDeleteAsync();
        await TimeAsync("12-month view from nothing (12 monthly reports, one after another), company-wide", 1, async () =>
        {
            for (var i = 11; i >= 0; i--)
            {
                await service.GetAsync(ReportScope.Everything, options.Month.AddMonths(-i), null);
            }
        });

        var report = await service.GetAsync(ReportScope.Everything, options.Month, null);
        foreach (var line in report.Summary)
        {
            Console.WriteLine($"    {line.Label}: {ReportLines.Format(line.Kind, line.Current)} | 上月 {ReportLines.Format(line.Kind, line.Previous)} | 去年同月 {ReportLines.Format(line.Kind, line.YearBefore)}");
        }

        var month = await reports.QueriesAsync(all, options.Month, scopeIsEverything: true);
        var majorsOfProject = new MonthQuerySet(db, ReportScope.Of([1]).ApplyAfterSearch(all), options.Month, (await policies.GetAsync()).Calendar, clock.GetUtcNow().UtcDateTime).Majors;
        var trend = await reports.TrendQueriesAsync(all, options.Month, scopeIsEverything: true);
        var resolved = (await month.Resolved.ToListAsync()).Sum(r => r.Resolved);
        var queries = new (string Name, IQueryable Query)[]
        {
            ("summary (type, severity)", month.Summary),
            ("by project (GROUP BY ProjectId + 0)", month.ByProject),
            ("by department", month.ByDepartment),
            ("by topic", month.ByTopic),
            ("by channel", month.ByChannel),
            ("resolved in month", month.Resolved),
            ("median", month.MedianCandidates(resolved)),
            ("follow-up outcomes", month.Outcomes),
            ("open at month end: still open", month.OpenNow),
            ("open at month end: resolved after", month.ResolvedAfter),
            ("open at month end: withdrawn after", month.WithdrawnAfter),
            ("overdue at month end: still open", month.OverdueOpenNow),
            ("overdue at month end: resolved after", month.OverdueResolvedAfter),
            ("overdue at month end: withdrawn after", month.OverdueWithdrawnAfter),
            ("closed at the cut, reopened since", month.ClosedThenReopened),
            ("major complaints", month.Majors),
            ("major complaints, project 1", majorsOfProject),
            ("trend: received (one of 12 months)", trend.Received[^1]),
            ("trend: resolved (one of 12 months)", trend.Resolved[^1]),
            ("trend: follow-ups (one of 12 months)", trend.Outcomes[^1]),
        };
        Console.WriteLine("Each query alone (company-wide, median of runs):");
        foreach (var (name, query) in queries)
        {
            var times = new List<double>();
            for (var i = 0; i <= options.Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await using var command = query.CreateDbCommand();
                await db.Database.OpenConnectionAsync();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }

                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-50} {times[times.Count / 2],7:F1} ms"));
            if (options.Plans)
            {
                await using var explain = query.CreateDbCommand();
                explain.CommandText = "EXPLAIN QUERY PLAN " + explain.CommandText;
                await using var plan = await explain.ExecuteReaderAsync();
                while (await plan.ReadAsync())
                {
                    Console.WriteLine($"      plan: {plan.GetString(3)}");
                }
            }
        }
    }

    private static async Task TimeAsync(string name, int runs, Func<Task> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {runs} runs (load {Load()})"));
    }

    /// <summary>What a change to a complaint of the month does to its version rows.</summary>
    private static async Task BumpAsync(ComplaintDeskDbContext db, YearMonth month)
    {
        var key = month.ToString();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO ReportMonthVersions (Month, Stamp) VALUES ({0}, abs(random())) ON CONFLICT(Month) DO UPDATE SET Stamp = abs(random())", key);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
