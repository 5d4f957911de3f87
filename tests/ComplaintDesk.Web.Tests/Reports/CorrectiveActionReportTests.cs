using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>
/// The monthly report's 整改措施 lines against a hand-made September and October 2026 (北京时间), built through the
/// aggregate's moves: opened, completed, verified (passed) in the month, and open past due at its end.
/// </summary>
public sealed class CorrectiveActionReportTests : IAsyncLifetime
{
    private static readonly Actor _clerk = Actor.Staff("t-clerk", "测试专员", StaffRole.Clerk);
    private static readonly Actor _supervisor = Actor.Staff("t-sup", "测试主管", StaffRole.Supervisor);
    private static readonly Actor _manager = Actor.Staff("t-mgr", "测试经理", StaffRole.Manager);
    private static readonly CompanyCalendar _calendar = CompanyCalendar.Default;
    private static readonly YearMonth _october = new(2026, 10);
    private readonly DeskAppFactory _app = new();
    private int _sequence;
    private int _project2;

    private static DateTime Local(int month, int day, int hour = 10) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    public async Task InitializeAsync()
    {
        _app.Settings["Escalations:ClockEnabled"] = "false";
        await _app.StartAsync();
        await _app.WithDbAsync(async db =>
        {
            var projects = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            _project2 = projects[1];
            var built = new List<Complaint>();

            // M1 (project 1): approved 5 Oct with two actions. 1: due 10 Oct, done 8 Oct, verified 9 Oct. 2: due 20 Oct, still open.
            var m1 = Major(projects[0], Local(10, 1), built);
            m1.WriteInvestigation(Report(("约谈维保单位", new DateOnly(2026, 10, 10)), ("应急演练", new DateOnly(2026, 10, 20))), _supervisor, Local(10, 3), _calendar);
            m1.ApproveInvestigation(null, _manager, Local(10, 5));
            m1.CompleteCorrectiveAction(1, "已约谈", _clerk, Local(10, 8));
            m1.VerifyCorrectiveAction(1, VerificationResult.Passed, null, null, _supervisor, Local(10, 9), _calendar);

            // M2 (project 1): approved 20 Sep, one action due 28 Sep: overdue at September's end; done late on 2 Oct, verified in November.
            var m2 = Major(projects[0], Local(9, 15), built);
            m2.WriteInvestigation(Report(("更换门禁", new DateOnly(2026, 9, 28))), _supervisor, Local(9, 18), _calendar);
            m2.ApproveInvestigation(null, _manager, Local(9, 20));
            m2.CompleteCorrectiveAction(1, "已更换", _clerk, Local(10, 2));
            m2.VerifyCorrectiveAction(1, VerificationResult.Passed, null, null, _supervisor, Local(11, 3), _calendar);

            // M3 (project 2): approved 10 Oct, one action due 12 Oct; the complaint withdrawn on 11 Oct cancels it (not overdue).
            var m3 = Major(_project2, Local(10, 8), built);
            m3.WriteInvestigation(Report(("清理现场", new DateOnly(2026, 10, 12))), _supervisor, Local(10, 9), _calendar);
            m3.ApproveInvestigation(null, _manager, Local(10, 10));
            m3.Withdraw(WithdrawReason.ByComplainant, "业主撤回", _supervisor, Local(10, 11));

            // M4 (project 1): a report written on 12 Oct and never approved: its action is a draft and counts nowhere.
            var m4 = Major(projects[0], Local(10, 10), built);
            m4.WriteInvestigation(Report(("加装监控", new DateOnly(2026, 10, 15))), _supervisor, Local(10, 12), _calendar);

            // M5 (project 1): one action due on 30 Sep, the month's last day, approved 25 Sep, done 1 Oct: not overdue at September's end.
            var m5 = Major(projects[0], Local(9, 22), built);
            m5.WriteInvestigation(Report(("修复护栏", new DateOnly(2026, 9, 30))), _supervisor, Local(9, 24), _calendar);
            m5.ApproveInvestigation(null, _manager, Local(9, 25));
            m5.CompleteCorrectiveAction(1, "已修复", _clerk, Local(10, 1));

            foreach (var complaint in built)
            {
                complaint.RefreshDeadlines(TimeLimitPolicy.Default, ClassificationPolicy.Default, complaint.Timeline[^1].At);
                complaint.ClearEvents();
                db.Complaints.Add(complaint);
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Complaint Major(int project, DateTime at, List<Complaint> built)
    {
        var intake = new ComplaintIntake(project, 1, null, Channel.Phone, "王女士", ComplainantKind.Owner, "13812341234", "3栋", "电梯困人",
            new ClassificationFacts(Cause.ManagementService, GovernmentReferralWithSocialImpact: true));
        var complaint = Complaint.Register(intake, ComplaintNumber.Format(YearMonth.Of(_calendar.ToLocal(at)), ++_sequence), _clerk, at, ClassificationPolicy.Default);
        complaint.Dispatch(2, null, null, _clerk, at.AddMinutes(10), TimeLimitPolicy.Default);
        built.Add(complaint);
        return complaint;
    }

    private static InvestigationReport Report(params (string What, DateOnly Due)[] actions) => new(
        "经过", "原因", 2, "工程部", null, actions.Select(a => new CorrectiveActionPlan(a.What, 2, "工程部", a.Due)).ToList());

    private async Task<MonthlyReport> BuildAsync(int? projectId = null)
    {
        await using var services = _app.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<ComplaintDeskDbContext>();
        var reports = services.ServiceProvider.GetRequiredService<MonthlyReportQueries>();
        return await reports.BuildAsync(db.Complaints.AsNoTracking(), _october, projectId, scopeIsEverything: projectId is null);
    }

    [Fact]
    public async Task Build_October_CountsOpenedCompletedVerifiedAndOverdue()
    {
        var report = await BuildAsync();

        Assert.Equal(new CorrectiveActionFigures(Opened: 3, Completed: 3, Verified: 1, OverdueAtMonthEnd: 1), report.Current.CorrectiveActions);
        Assert.Equal(new CorrectiveActionFigures(Opened: 2, Completed: 0, Verified: 0, OverdueAtMonthEnd: 1), report.Previous.CorrectiveActions);
        Assert.Equal(CorrectiveActionFigures.None, report.YearBefore.CorrectiveActions);
    }

    [Fact]
    public async Task Build_OneProject_CountsOnlyItsActions()
    {
        var report = await BuildAsync(_project2);

        Assert.Equal(new CorrectiveActionFigures(Opened: 1, Completed: 0, Verified: 0, OverdueAtMonthEnd: 0), report.Current.CorrectiveActions);
    }

    [Fact]
    public async Task Summary_HasTheFourLinesWithLastMonthBeside()
    {
        var lines = (await BuildAsync()).Summary.Where(l => l.Key.StartsWith("actions", StringComparison.Ordinal)).ToList();

        Assert.Equal(["整改措施：本月下达", "整改措施：本月完成", "整改措施：本月验证通过", "整改措施：月末逾期未完成"], lines.Select(l => l.Label));
        Assert.Equal([3.0, 3, 1, 1], lines.Select(l => l.Current!.Value));
        Assert.Equal([2.0, 0, 0, 1], lines.Select(l => l.Previous!.Value));
    }

    [Fact]
    public async Task ReportPageAndApi_ShowTheActionLines_ThroughTheSnapshots()
    {
        using var manager = await _app.SignInAsync("manager");

        var html = await manager.GetPageAsync("/Reports/Monthly?month=2026-10");
        var again = await manager.GetPageAsync("/Reports/Monthly?month=2026-10");

        Assert.Contains("整改措施：本月下达", html);
        Assert.Contains("整改措施：月末逾期未完成", again);
        using var api = await Api.ApiTestClient.ForAsync(_app, "manager");
        var body = await Api.ApiTestClient.JsonAsync(await api.GetAsync("/api/v1/reports/monthly?month=2026-10"), System.Net.HttpStatusCode.OK);
        Assert.Equal(3, body["current"]!["correctiveActions"]!["opened"]!.GetValue<int>());
    }
}
