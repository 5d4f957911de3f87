using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>Every figure of October 2026 against the hand-made month of <see cref="ReportFixture"/>.</summary>
public sealed class MonthlyReportQueriesTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly YearMonth _october = new(2026, 10);

    [Fact]
    public async Task Build_October_CountsReceivedTypesAndSeverities()
    {
        var report = await BuildAsync(_october);
        var c = report.Current;

        // 23:59 on 31 October is October's; 00:00 on 1 November is not.
        Assert.Equal(8, c.Received);
        Assert.Equal(5, c.Effective);
        Assert.Equal(0.625, c.EffectiveRate);
        Assert.Equal([5, 2, 1], c.ByType.Select(t => t.Count));
        Assert.Equal(["重大", "重要", "轻微"], c.EffectiveBySeverity.Select(s => s.Name));
        Assert.Equal([1, 1, 3], c.EffectiveBySeverity.Select(s => s.Count));
    }

    [Fact]
    public async Task Build_October_BreaksDownByProjectDepartmentTopicAndChannel()
    {
        var c = (await BuildAsync(_october)).Current;

        Assert.Equal([("阳光花园", 4, 3), ("翠湖湾", 3, 2), ("金域华府", 1, 0)], c.ByProject.Select(r => (r.Name, r.Received, r.Effective)));
        Assert.Equal([("工程部", 3), ("未派单", 3), ("客服部", 1), ("秩序维护部", 1)], c.ByDepartment.Select(r => (r.Name, r.Received)));
        Assert.Equal(("电梯", 2), (c.ByTopic[0].Name, c.ByTopic[0].Received));
        Assert.Equal(7, c.ByTopic.Count);
        Assert.Equal([("来电", 4), ("政府转办 (12345)", 2), ("微信/小程序", 1), ("来访", 1)], c.ByChannel.Select(r => (r.Name, r.Received)));
    }

    [Fact]
    public async Task Build_October_ComputesDispatchResolutionAndDurations()
    {
        var c = (await BuildAsync(_october)).Current;

        Assert.Equal(5, c.Dispatched);
        Assert.Equal(4, c.DispatchedOnTime);
        Assert.Equal(0.8, c.DispatchOnTimeRate);

        // Resolved in October: C1 (5 h, on time), C2 (80 h, late), C6 (72 h from registration, late after reopening);
        // C5 was resolved on 2 November.
        Assert.Equal(3, c.Resolved);
        Assert.Equal(1, c.ResolvedOnTime);
        Assert.Equal(1.0 / 3, c.ResolutionOnTimeRate!.Value, 6);
        Assert.Equal(157.0 / 3, c.MeanHoursToResolve!.Value, 3);
        Assert.Equal(72.0, c.MedianHoursToResolve!.Value, 3);
    }

    [Fact]
    public async Task Build_October_ComputesFollowUpSatisfactionAndClosure()
    {
        var c = (await BuildAsync(_october)).Current;

        Assert.Equal(3, c.ResolvedFollowedUp);
        Assert.Equal(1.0, c.FollowUpRate);
        // Follow-ups with an answer in October: satisfied ×2, basically satisfied, dissatisfied (C6 before reopening).
        Assert.Equal(4, c.FollowUps);
        Assert.Equal((2, 1, 1), (c.Satisfied, c.BasicallySatisfied, c.Dissatisfied));
        Assert.Equal(0.75, c.SatisfactionRate);
        Assert.Equal(3, c.Closed);
        Assert.Equal(0.375, c.ClosureRate);
    }

    [Fact]
    public async Task Build_October_CountsOpenOverdueRepeatGroupAndReferrals()
    {
        var report = await BuildAsync(_october);
        var c = report.Current;

        // Open at October's end: C3, C5 (resolved in November), C8, C11 and H1 (August 2025, on hold since before its due
        // instant); C7 was withdrawn. Overdue: C5 only — H1's stored due instant passed long ago, but the hold stopped it.
        Assert.Equal(5, c.OpenAtMonthEnd);
        Assert.Equal(1, c.OverdueAtMonthEnd);
        Assert.Equal(2, c.Repeat);
        Assert.Equal(1, c.Group);
        Assert.Equal(2, c.GovernmentReferral);
        var major = Assert.Single(report.MajorComplaints);
        Assert.Equal(fixture.MajorId, major.Id);
        Assert.Equal($"/Complaints/{fixture.MajorId}", major.Link);
        Assert.Equal("翠湖湾", major.ProjectName);
    }

    [Fact]
    public async Task Build_October_ComparesWithSeptemberAndOctoberLastYear()
    {
        var report = await BuildAsync(_october);

        Assert.Equal("2026-09", report.Previous.Month);
        Assert.Equal((1, 1, 1, 1), (report.Previous.Received, report.Previous.Resolved, report.Previous.ResolvedOnTime, report.Previous.Closed));
        Assert.Equal(4.0, report.Previous.MedianHoursToResolve!.Value, 3);
        Assert.Equal(1.0, report.Previous.SatisfactionRate);
        Assert.Equal((1, 0), (report.Previous.OpenAtMonthEnd, report.Previous.OverdueAtMonthEnd));
        Assert.Equal("2025-10", report.YearBefore.Month);
        Assert.Equal((1, 1, 0), (report.YearBefore.Received, report.YearBefore.Resolved, report.YearBefore.FollowUps));

        var received = report.Summary.Single(l => l.Key == "received");
        Assert.Equal((8.0, 1.0, 1.0), (received.Current, received.Previous, received.YearBefore));
        Assert.Equal(7.0, received.ChangeFromPrevious);
        var satisfaction = report.Summary.Single(l => l.Key == "satisfactionRate");
        Assert.Equal(-0.25, satisfaction.ChangeFromPrevious!.Value, 6);
        Assert.Null(satisfaction.ChangeFromYearBefore);
    }

    [Fact]
    public async Task Build_August2025_SaysWhatWasTrueAtItsCutWhateverHappenedAfter()
    {
        var c = (await BuildAsync(new YearMonth(2025, 8))).Current;

        Assert.Equal((5, 5, 5, 5), (c.Received, c.Effective, c.Dispatched, c.DispatchedOnTime));
        Assert.Equal([0, 0, 5], c.EffectiveBySeverity.Select(s => s.Count));
        Assert.Equal([("金域华府", 5, 5)], c.ByProject.Select(r => (r.Name, r.Received, r.Effective)));

        // Open at the cut: H1 and H3 on hold, H2 (withdrawn since), H4 (resolved since); H5 was closed then (reopened since).
        Assert.Equal(4, c.OpenAtMonthEnd);

        // Overdue at the cut: H2 (its due instant is gone since the withdrawal), H3 (overdue before its hold; resumed since,
        // its stored due instant moved past the cut), H4. Not H1: put on hold before its due instant, still on hold.
        Assert.Equal(3, c.OverdueAtMonthEnd);

        // Closed before the cut: H5, although reopened since (its ClosedAt is now September's).
        Assert.Equal(1, c.Closed);
        Assert.Equal(0.2, c.ClosureRate);

        // Resolved in August: none. H5 counts in the month of its latest resolution (docs/decisions/0004-monthly-report.md).
        Assert.Equal((0, 0, 0), (c.Resolved, c.ResolvedOnTime, c.ResolvedFollowedUp));
        Assert.Null(c.ResolutionOnTimeRate);
        Assert.Null(c.MeanHoursToResolve);
        Assert.Null(c.MedianHoursToResolve);
        Assert.Null(c.FollowUpRate);

        // H5's satisfied follow-up on 11 August.
        Assert.Equal((1, 1, 0, 0), (c.FollowUps, c.Satisfied, c.BasicallySatisfied, c.Dissatisfied));
        Assert.Equal(1.0, c.SatisfactionRate);
        // Repeat is counted as classified now (decision 0004): H5's reopening raised it a second time.
        Assert.Equal((1, 0, 0), (c.Repeat, c.Group, c.GovernmentReferral));
    }

    [Fact]
    public async Task Build_September2025_CountsWhatWasStillOpenAtItsCut()
    {
        var c = (await BuildAsync(new YearMonth(2025, 9))).Current;

        // By 1 October 2025 only H1 is open (on hold, not overdue); H3 and H4 were resolved late in September, H5 on time
        // (5 h after its reopening, which restarted the clock).
        Assert.Equal((0, 1, 0), (c.Received, c.OpenAtMonthEnd, c.OverdueAtMonthEnd));
        Assert.Equal((3, 1), (c.Resolved, c.ResolvedOnTime));
        Assert.Equal((2, 2), (c.FollowUps, c.Satisfied));
    }

    [Fact]
    public async Task Summary_RepeatLine_SaysTheThresholdInForce()
    {
        var report = await BuildAsync(_october);

        Assert.Equal("重复投诉（反映 ≥ 2 次）", report.Summary.Single(l => l.Key == "repeat").Label);
        Assert.Equal("重复投诉（反映 ≥ 3 次）", (report with { RepeatRaises = 3 }).Summary.Single(l => l.Key == "repeat").Label);
    }

    [Fact]
    public async Task Build_October_TrendCoversTwelveMonthsEndingInOctober()
    {
        var trend = (await BuildAsync(_october)).Trend;

        Assert.Equal(12, trend.Count);
        Assert.Equal(("2025-11", "2026-10"), (trend[0].Month, trend[^1].Month));
        Assert.Equal((8, 5, 3, 1, 4, 3), (trend[^1].Received, trend[^1].Effective, trend[^1].Resolved, trend[^1].ResolvedOnTime, trend[^1].FollowUps, trend[^1].Satisfied));
        Assert.Equal((1, 1, 1.0, 1.0), (trend[^2].Received, trend[^2].Effective, trend[^2].ResolutionOnTimeRate, trend[^2].SatisfactionRate));
        Assert.All(trend.Take(10), t => Assert.Equal(0, t.Received));
    }

    [Fact]
    public async Task Build_November_IncludesTheComplaintAtMidnightOnTheFirst()
    {
        var c = (await BuildAsync(new YearMonth(2026, 11))).Current;

        Assert.Equal(1, c.Received);
        // November is still running (the clock says 16 November): C5 was resolved on 2 November.
        Assert.Equal(1, c.Resolved);
    }

    [Fact]
    public async Task Build_ScopeOfProjectsOneAndTwo_LeavesOutProjectThree()
    {
        int[] projects = [fixture.Project1, fixture.Project2];
        var report = await BuildAsync(_october, db => db.Complaints.AsNoTracking().Where(c => projects.Contains(c.ProjectId)));

        Assert.Equal(7, report.Current.Received);
        Assert.Equal(1, report.Current.GovernmentReferral);
        Assert.DoesNotContain(report.Current.ByProject, r => r.Name == "金域华府");
    }

    [Fact]
    public async Task Build_OneProject_CountsOnlyThatProject()
    {
        var report = await BuildAsync(_october, projectId: fixture.Project2);

        Assert.Equal("翠湖湾", report.ScopeName);
        Assert.Equal(3, report.Current.Received);
        Assert.Equal(3, report.Current.OpenAtMonthEnd);
        Assert.Single(report.MajorComplaints);
    }

    private Task<MonthlyReport> BuildAsync(
        YearMonth month, Func<ComplaintDeskDbContext, IQueryable<Domain.Complaints.Complaint>>? scope = null, int? projectId = null) =>
        BuildInScopeAsync(month, scope, projectId);

    private async Task<MonthlyReport> BuildInScopeAsync(
        YearMonth month, Func<ComplaintDeskDbContext, IQueryable<Domain.Complaints.Complaint>>? scope, int? projectId)
    {
        await using var services = fixture.App.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<ComplaintDeskDbContext>();
        var reports = services.ServiceProvider.GetRequiredService<MonthlyReportQueries>();
        return await reports.BuildAsync(scope?.Invoke(db) ?? db.Complaints.AsNoTracking(), month, projectId, scopeIsEverything: scope is null && projectId is null);
    }
}
