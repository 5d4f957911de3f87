using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Tests.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>
/// The report's snapshots: reused while nothing changed, recomputed for exactly the months a change can move, and
/// the page then shows the new figure. Runs on its own copy of the hand-made month (the clock is 16 November 2026).
/// </summary>
public sealed class ReportSnapshotTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly YearMonth _september = new(2026, 9);
    private static readonly YearMonth _october = new(2026, 10);
    private static readonly YearMonth _november = new(2026, 11);

    [Fact]
    public async Task Get_SecondTime_ReusesEverySnapshot()
    {
        var (first, _) = await GetAsync(_october);

        var (second, recomputed) = await GetAsync(_october);

        Assert.Empty(recomputed);
        Assert.Equal(first.DataAsOfUtc, second.DataAsOfUtc);
        Assert.Equal(8, second.Current.Received);
        Assert.Equal(1, second.Previous.Received);
        Assert.Equal(first.Trend, second.Trend);
        var rows = await fixture.App.WithDbAsync(db => db.ReportSnapshots.CountAsync(s => s.ScopeKey == ReportScope.Everything.Key));
        Assert.True(rows >= 13, $"3 months of figures and 10 trend points are stored, found {rows}");
    }

    [Fact]
    public async Task Page_AnHourLater_ShowsTheSameDataAsOfForAPastMonth()
    {
        var manager = await fixture.ClientAsync("manager");
        var before = DataAsOf(await manager.GetPageAsync("/Reports/Monthly?month=2026-10"));

        fixture.App.Clock.Advance(TimeSpan.FromHours(1));
        var after = DataAsOf(await manager.GetPageAsync("/Reports/Monthly?month=2026-10"));

        Assert.Equal(before, after);
        Assert.Empty((await GetAsync(_october)).Recomputed);
    }

    [Fact]
    public async Task Get_RunningMonthAfterMaxAge_RecomputesOnlyItsFigures()
    {
        await GetAsync(_november);

        fixture.App.Clock.Advance(TimeSpan.FromMinutes(6));
        var (_, recomputed) = await GetAsync(_november);

        Assert.Equal(["figures 2026-11"], recomputed);
    }

    [Fact]
    public async Task Register_ThroughTheDesk_RecomputesOnlyTheCurrentMonth()
    {
        var (before, _) = await GetAsync(_november);
        await GetAsync(_october);
        var clerk = await fixture.ClientAsync("clerk");

        await Desk.RegisterAsync(clerk);
        var (after, recomputed) = await GetAsync(_november);

        Assert.Equal(["figures 2026-11"], recomputed);
        Assert.Equal(before.Current.Received + 1, after.Current.Received);
        Assert.Empty((await GetAsync(_october)).Recomputed);
        var html = await (await fixture.ClientAsync("manager")).GetPageAsync("/Reports/Monthly?month=2026-11");
        Assert.Matches($"data-figure=\"received\">\\s*<th[^>]*>受理投诉</th>\\s*<td class=\"text-end\" data-value=\"current\">{after.Current.Received}</td>", html);
    }

    [Fact]
    public async Task Resolve_OpenOctoberComplaint_RecomputesOctoberAndNovemberOnce()
    {
        var (november, _) = await GetAsync(_november);
        var (october, _) = await GetAsync(_october);
        await GetAsync(_september);
        var clerk = await fixture.ClientAsync("clerk");

        await Desk.MoveOkAsync(clerk, fixture.MajorId, "Resolve", new() { ["Resolve.Note"] = "已协调处理" });
        var (octoberAfter, octoberRecomputed) = await GetAsync(_october);
        var (novemberAfter, novemberRecomputed) = await GetAsync(_november);

        // Its registration month and the month of the resolution; November's report reuses the new October figures.
        Assert.Equal(["figures 2026-10"], octoberRecomputed);
        Assert.Equal(october.Current.OpenAtMonthEnd, octoberAfter.Current.OpenAtMonthEnd);
        Assert.Equal(["figures 2026-11"], novemberRecomputed);
        Assert.Equal(november.Current.Resolved + 1, novemberAfter.Current.Resolved);
        Assert.Empty((await GetAsync(_september)).Recomputed);
    }

    [Fact]
    public async Task Reopen_SeptemberComplaint_RecomputesEveryMonthSinceItsResolution()
    {
        var (october, _) = await GetAsync(_october);
        await GetAsync(new YearMonth(2026, 8));
        var september = ReportFixture.Local(2026, 9, 15, 10);
        var c9 = await fixture.App.WithDbAsync(db => db.Complaints.Where(c => c.RegisteredAt == september).Select(c => c.Id).SingleAsync());
        var supervisor = await fixture.ClientAsync("supervisor");

        await Desk.MoveOkAsync(supervisor, c9, "Reopen", new() { ["Reopen.Note"] = "业主再次反映" });
        var (after, recomputed) = await GetAsync(_october);

        // The months between its resolution and the reopening are recomputed; October's end still says what was true then
        // (it was closed: not open, and September still counts it closed). Resolved in September loses it: a complaint
        // counts in the month of its latest resolution (docs/decisions/0004-monthly-report.md).
        Assert.Equal(["figures 2026-10", "figures 2026-09"], recomputed);
        Assert.Equal(october.Current.OpenAtMonthEnd, after.Current.OpenAtMonthEnd);
        Assert.Equal(october.Previous.Closed, after.Previous.Closed);
        Assert.Equal(october.Previous.Resolved - 1, after.Previous.Resolved);
        Assert.Empty((await GetAsync(new YearMonth(2026, 8))).Recomputed);
        var html = await (await fixture.ClientAsync("manager")).GetPageAsync("/Reports/Monthly?month=2026-10");
        Assert.Matches($"data-figure=\"openAtMonthEnd\">\\s*<th[^>]*>[^<]+</th>\\s*<td class=\"text-end\" data-value=\"current\">{after.Current.OpenAtMonthEnd}</td>", html);
    }

    [Fact]
    public async Task Rename_Project_RecomputesEverything()
    {
        await GetAsync(_october);

        await fixture.App.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == fixture.Project3);
            project.Name = "金域华府（二期）";
            return await db.SaveChangesAsync();
        });
        var (after, recomputed) = await GetAsync(_october);

        Assert.Equal(13, recomputed.Count);
        Assert.Contains(after.Current.ByProject, r => r.Name == "金域华府（二期）");
    }

    private async Task<(MonthlyReport Report, IReadOnlyList<string> Recomputed)> GetAsync(YearMonth month)
    {
        using var scope = fixture.App.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MonthlyReportService>();
        var report = await service.GetAsync(ReportScope.Everything, month, null);
        return (report, service.Recomputed);
    }

    private static string DataAsOf(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "数据截至 ([0-9: -]+)<");
        Assert.True(match.Success, "the page shows 数据截至");
        return match.Groups[1].Value;
    }
}
