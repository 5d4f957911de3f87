using System.Diagnostics;
using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintDesk.Benchmarks;

/// <summary>Times the report as the page computes it, then each of its queries, on a warm connection.</summary>
public static class ReportTimer
{
    public static async Task RunAsync(HarnessOptions options)
    {
        await using var db = new ComplaintDeskDbContext(Seeder.Options(options.DatabasePath));
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var policies = new ProcedurePolicies(db, cache);
        var calendar = (await policies.GetAsync()).Calendar;
        // Five days after the month: the report as the managers get it.
        var clock = new FakeTimeProvider(new DateTimeOffset(calendar.MonthRangeUtc(options.Month).EndUtc.AddDays(5), TimeSpan.Zero));
        var reports = new MonthlyReportQueries(db, policies, clock);
        var all = db.Complaints.AsNoTracking();
        int[] twoProjects = [1, 2];
        var scopes = new (string Name, IQueryable<Complaint> Scope, int? Project, bool Everything)[]
        {
            ("company-wide", all, null, true),
            ("one project (projectId=1)", all, 1, false),
            ("staff of projects 1,2", all.Where(c => twoProjects.Contains(c.ProjectId)), null, false),
        };

        foreach (var (name, scope, project, everything) in scopes)
        {
            var report = await reports.BuildAsync(scope, options.Month, project, everything);
            var times = new List<double>();
            for (var i = 0; i < options.Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                report = await reports.BuildAsync(scope, options.Month, project, everything);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Whole report, {name}: median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {options.Runs} runs"));
            if (project is null && name == "company-wide")
            {
                foreach (var line in report.Summary)
                {
                    Console.WriteLine($"    {line.Label}: {ReportLines.Format(line.Kind, line.Current)} | 上月 {ReportLines.Format(line.Kind, line.Previous)} | 去年同月 {ReportLines.Format(line.Kind, line.YearBefore)}");
                }
            }
        }

        var month = await reports.QueriesAsync(all, options.Month, scopeIsEverything: true);
        var trend = await reports.TrendQueriesAsync(all, options.Month, scopeIsEverything: true);
        var resolved = (await month.Resolved.ToListAsync()).Sum(r => r.Resolved);
        var queries = new (string Name, IQueryable Query)[]
        {
            ("summary (type, severity)", month.Summary),
            ("breakdown (project, department, topic, channel)", month.Breakdown),
            ("resolved in month", month.Resolved),
            ("median", month.MedianCandidates(resolved)),
            ("follow-up outcomes", month.Outcomes),
            ("open at month end: still open", month.OpenNow),
            ("open at month end: resolved after", month.ResolvedAfter),
            ("open at month end: withdrawn after", month.WithdrawnAfter),
            ("major complaints", month.Majors),
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
}
