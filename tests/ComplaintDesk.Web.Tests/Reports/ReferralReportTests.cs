using System.Net;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Tests.Api;
using ComplaintDesk.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>
/// The monthly report's 政府转办 section against a hand-made October 2026 (Shanghai time), built through the aggregate's
/// own moves. Referrals count in the month the referring body sent them.
/// </summary>
public sealed class ReferralReportTests : IAsyncLifetime
{
    private static readonly Actor _desk = Actor.Staff("test", "测试员", StaffRole.Clerk, StaffRole.Supervisor);
    private static readonly TimeLimitPolicy _limits = TimeLimitPolicy.Default;
    private static readonly ClassificationPolicy _policy = ClassificationPolicy.Default;
    private static readonly YearMonth _october = new(2026, 10);
    private readonly DeskAppFactory _app = new();
    private int _sequence;
    private int _project1;
    private int _project2;

    public async Task InitializeAsync()
    {
        _app.Settings["Escalations:ClockEnabled"] = "false";
        await _app.StartAsync();
        await _app.WithDbAsync(async db =>
        {
            var projects = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            (_project1, _project2) = (projects[0], projects[1]);

            // R1: 12345, project 1. Signed for in 1 h (of 2), first feedback in 10 h (of 24), reply on day 3 (of 5); an
            // extension asked for and refused; the referring body: 满意.
            var r1Received = Local(2026, 10, 5, 10);
            var r1 = Referred(r1Received, 1, "12345 热线", "R1", _project1, signFor: 2, feedback: 24, completion: 120);
            r1.SignForReferral(r1Received.AddHours(1), _desk, r1Received.AddHours(1));
            r1.RecordReferralFirstFeedback("已联系业主", r1Received.AddHours(10), _desk, r1Received.AddHours(10));
            r1.Dispatch(2, null, null, _desk, r1Received.AddHours(11), _limits);
            r1.RequestReferralExtension("配件", r1Received.AddDays(9), _desk, r1Received.AddHours(12));
            r1.DecideReferralRequest(false, null, _desk, r1Received.AddHours(20));
            r1.Resolve("已修复", _desk, r1Received.AddDays(2), _limits);
            r1.RecordReferralReply("已修复", r1Received.AddDays(3), _desk, r1Received.AddDays(3));
            r1.RecordReferralSatisfaction(ReferralSatisfaction.Satisfied, null, _desk, r1Received.AddDays(4));

            // R2: 12345, project 1. Signed for late (3 h), first feedback late (30 h); the 办结 deadline extended from day 5
            // to day 10 and the reply on day 8 (on time against the extension); 不满意.
            var r2Received = Local(2026, 10, 10, 9);
            var r2 = Referred(r2Received, 1, "12345 热线", "R2", _project1, signFor: 2, feedback: 24, completion: 120);
            r2.SignForReferral(r2Received.AddHours(3), _desk, r2Received.AddHours(3));
            r2.RecordReferralFirstFeedback("已安排", r2Received.AddHours(30), _desk, r2Received.AddHours(30));
            r2.Dispatch(2, null, null, _desk, r2Received.AddHours(31), _limits);
            r2.RequestReferralExtension("需开发商", r2Received.AddDays(10), _desk, r2Received.AddDays(2));
            r2.DecideReferralRequest(true, null, _desk, r2Received.AddDays(3));
            r2.RecordReferralReply("已处理", r2Received.AddDays(8), _desk, r2Received.AddDays(8));
            r2.Resolve("已处理", _desk, r2Received.AddDays(8).AddHours(1), _limits);
            r2.RecordReferralSatisfaction(ReferralSatisfaction.Dissatisfied, null, _desk, r2Received.AddDays(9));

            // R3: 12345, project 2. Not signed for by itself; the first feedback after 1 h signs for it in time; returned.
            var r3Received = Local(2026, 10, 20, 14);
            var r3 = Referred(r3Received, 1, "12345 热线", "R3", _project2, signFor: 2, feedback: 24, completion: 120);
            r3.RecordReferralFirstFeedback("不属本项目", r3Received.AddHours(1), _desk, r3Received.AddHours(1));
            r3.RequestReferralReturn("不属本项目", _desk, r3Received.AddHours(2));
            r3.DecideReferralRequest(true, null, _desk, r3Received.AddHours(5));

            // R4: 住建部门, project 2, at 23:30 on the month's last day, no deadlines; signed for.
            var r4Received = Local(2026, 10, 31, 23, 30);
            var r4 = Referred(r4Received, 2, "住建部门", "R4", _project2, null, null, null);
            r4.SignForReferral(r4Received.AddMinutes(10), _desk, r4Received.AddMinutes(10));

            // Not October's: 00:10 on 1 November, and 23:00 on 30 September.
            Referred(Local(2026, 11, 1, 0, 10), 1, "12345 热线", "R5", _project1, signFor: 2, feedback: 24, completion: 120);
            Referred(Local(2026, 9, 30, 23), 1, "12345 热线", "R6", _project1, signFor: 2, feedback: 24, completion: 120);

            // A complaint without a referral in October.
            db.Complaints.Add(Complaint.Register(Intake(_project1), Number(r1Received), _desk, r1Received, _policy));
            await db.SaveChangesAsync();
            return 0;

            Complaint Referred(DateTime received, int sourceId, string source, string ticket, int project, int? signFor, int? feedback, int? completion)
            {
                var terms = new ReferralTerms(sourceId, source, ticket, received,
                    received + Hours(signFor), received + Hours(feedback), received + Hours(completion));
                var complaint = Complaint.Register(Intake(project) with { Referral = terms }, Number(received), _desk, received.AddMinutes(5), _policy);
                db.Complaints.Add(complaint);
                return complaint;
            }
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Build_October_CountsEachStepAgainstTheReferringBodysDeadline()
    {
        var report = await BuildAsync();
        var total = report.Total;

        Assert.Equal(4, total.Received);
        Assert.Equal((3, 2), (total.SignForDue, total.SignedForOnTime));
        Assert.Equal((3, 2), (total.FirstFeedbackDue, total.FirstFeedbackOnTime));

        // R3 was returned: it has no 办结 to meet. R2 met its extended deadline.
        Assert.Equal((2, 2), (total.CompletionDue, total.CompletedOnTime));
        Assert.Equal((2, 1), (total.ExtensionsRequested, total.ExtensionsApproved));
        Assert.Equal(1, total.Returned);
        Assert.Equal((1, 0, 1), (total.Satisfied, total.BasicallySatisfied, total.Dissatisfied));
        Assert.Equal(0.5, total.SatisfactionRate);
        Assert.Equal(2.0 / 3, total.SignForOnTimeRate!.Value, 6);
    }

    [Fact]
    public async Task Build_October_PerSourceAndPerProject()
    {
        var report = await BuildAsync();

        Assert.Equal([("12345 热线", 3, 1), ("住建部门", 1, 0)], report.BySource.Select(r => (r.Name, r.Received, r.Returned)));
        Assert.Equal([("阳光花园", 2, 2), ("翠湖湾", 2, 0)], report.ByProject.Select(r => (r.Name, r.Received, r.CompletedOnTime)));
        var first = report.BySource[0];
        Assert.Equal((3, 2, 2, 2), (first.SignForDue, first.SignedForOnTime, first.CompletionDue, first.CompletedOnTime));
    }

    [Fact]
    public async Task Build_November_OnlyTheOneReceivedAfterMidnight()
    {
        var report = await BuildAsync(new YearMonth(2026, 11));

        Assert.Equal(1, report.Total.Received);
        Assert.Equal(0, report.Total.SignedForOnTime);
    }

    [Fact]
    public async Task Page_October_ShowsTheSectionForTheManager_AndOneProjectOnly()
    {
        using var manager = await _app.SignInAsync("manager");

        var html = await manager.GetPageAsync("/Reports/Monthly?month=2026-10");
        var project = await manager.GetPageAsync($"/Reports/Monthly?month=2026-10&projectId={_project2}");

        Assert.Contains("政府转办（本月收到 4 件）", html);
        Assert.Contains("id=\"table-referrals-source\"", html);
        Assert.Contains("2/3（66.7%）", html);
        Assert.Contains("政府转办（本月收到 2 件）", project);
    }

    [Fact]
    public async Task Api_October_ReportCarriesTheReferrals()
    {
        using var manager = await ApiTestClient.ForAsync(_app, "manager");

        var body = await ApiTestClient.JsonAsync(await manager.GetAsync("/api/v1/reports/monthly?month=2026-10"), HttpStatusCode.OK);

        var total = body["referrals"]!["total"]!;
        Assert.Equal(4, total["received"]!.GetValue<int>());
        Assert.Equal(1, total["returned"]!.GetValue<int>());
        Assert.Equal(2, body["referrals"]!["bySource"]!.AsArray().Count);
    }

    [Fact]
    public async Task Xlsx_October_TheReferralSheetHoldsEveryFigurePerSourceTotalAndProject()
    {
        using var manager = await _app.SignInAsync("manager");

        var response = await manager.GetAsync("/Reports/Monthly?handler=Xlsx&month=2026-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value == "政府转办");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();
        Assert.Equal(["转办来源/物业项目", "收到", "设签收时限", "按时签收"], rows[0].Take(4));

        // Received; sign-for due/on time; first feedback due/on time; 办结 due/on time; extensions asked/approved; returned;
        // 满意, 基本满意, 不满意.
        Assert.Equal(
            [
                ["12345 热线", "3", "3", "2", "3", "2", "2", "2", "2", "1", "1", "1", "0", "1"],
                ["住建部门", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
                ["合计", "4", "3", "2", "3", "2", "2", "2", "2", "1", "1", "1", "0", "1"],
                ["阳光花园", "2", "2", "1", "2", "1", "2", "2", "2", "1", "0", "1", "0", "1"],
                ["翠湖湾", "2", "1", "1", "1", "1", "0", "0", "0", "0", "1", "0", "0", "0"],
            ],
            rows.Skip(1).Select(r => r.ToArray()).ToArray());
    }

    private Task<ReferralReport> BuildAsync(YearMonth? month = null) =>
        _app.WithDbAsync(async db => await ReferralReportQueries.BuildAsync(
            db, db.Complaints.AsNoTracking(), month ?? _october, CompanyCalendar.Default, await MasterNames.LoadAsync(db, CancellationToken.None)));

    private static TimeSpan? Hours(int? hours) => hours is { } h ? TimeSpan.FromHours(h) : null;

    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    private static ComplaintIntake Intake(int project) => new(
        project, 1, null, Channel.GovernmentHotline, "王女士", ComplainantKind.Owner, "13812341234", "3栋2单元1101", "楼道灯坏了", new ClassificationFacts(Cause.ManagementService));

    private string Number(DateTime at) => ComplaintNumber.Format(YearMonth.Of(at.AddHours(8)), ++_sequence);
}
