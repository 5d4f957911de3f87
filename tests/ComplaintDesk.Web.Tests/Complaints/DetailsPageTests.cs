using System.Net;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Complaints;

public sealed class DetailsPageTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private DeskClient _clerk = null!;

    public async Task InitializeAsync() => _clerk = await _app.SignInAsync("clerk");

    public Task DisposeAsync()
    {
        _clerk.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Details_Registered_ShowsFactsDeadlinesTimelineAndTheClerksMoves()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var html = await _clerk.GetPageAsync($"/Complaints/{id}");

        Assert.Contains("张三（业主）", html);
        Assert.Contains("3栋1单元502", html);
        Assert.Contains("<strong>3.1.4</strong> 因设施设备或管理水平有限", html);
        Assert.Contains("派单（20 分钟）", html);
        Assert.Contains("<td>2026-11-16 10:20</td>", html);
        Assert.Contains("处理（1 天）", html);
        Assert.Contains("（建议：工程部）", html);
        Assert.Contains("2026-11-16 10:00 · 王小丽", html);
        Assert.Contains("id=\"move-Dispatch\"", html);
        Assert.Contains("id=\"move-RecordRepeatRaise\"", html);
        Assert.DoesNotContain("id=\"move-Withdraw\"", html);
        Assert.DoesNotContain("id=\"move-Reclassify\"", html);
        Assert.DoesNotContain("id=\"move-Resolve\"", html);
        Assert.Matches("<option (value=\"2\" selected=\"selected\"|selected=\"selected\" value=\"2\")>工程部</option>", html);
    }

    [Fact]
    public async Task Details_AfterDispatchLimit_MarksOverdueAndEscalationLevel()
    {
        var id = await Desk.RegisterAsync(_clerk);
        _app.Clock.Advance(TimeSpan.FromMinutes(45));

        var html = await _clerk.GetPageAsync($"/Complaints/{id}");

        Assert.Contains("id=\"overdue-badge\">已超时</span>", html);
        Assert.Contains("已超时 25 分钟", html);
        Assert.Contains("督办级别：二级（经理督办）", html);
    }

    [Fact]
    public async Task Details_Supervisor_AlsoSeesSupervisorMoves()
    {
        var id = await Desk.RegisterAsync(_clerk);
        using var supervisor = await _app.SignInAsync("supervisor");

        var html = await supervisor.GetPageAsync($"/Complaints/{id}");

        Assert.Contains("id=\"move-Withdraw-toggle\">撤销</summary>", html);
        Assert.Contains("id=\"move-Reclassify-toggle\">重新分类</summary>", html);
        Assert.Matches("id=\"Reclassify_Cause_ManagementService\" name=\"Reclassify.Cause\" value=\"ManagementService\" checked=\"checked\"", html);
    }

    [Fact]
    public async Task Details_Manager_ReadsButHasNoMoves()
    {
        var id = await Desk.RegisterAsync(_clerk);
        using var manager = await _app.SignInAsync("manager");

        var html = await manager.GetPageAsync($"/Complaints/{id}");
        var version = (await Desk.LoadAsync(_app, id)).Version;
        var post = await Desk.MoveAsync(manager, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" }, version, "/Account/ChangePassword");

        Assert.Contains("当前没有您可以进行的操作。", html);
        Assert.Contains("13812341234", html);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.OriginalString);
        Assert.Equal(ComplaintStatus.Registered, (await Desk.LoadAsync(_app, id)).Status);
    }

    [Fact]
    public async Task Details_AnotherProjectsComplaint_Answers404()
    {
        var id = await Desk.RegisterAsync(_clerk);
        using var clerk2 = await _app.SignInAsync("clerk2");

        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Complaints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Complaints/{id}/Print")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _clerk.GetAsync("/Complaints/999999")).StatusCode);
        var post = await clerk2.PostFormAsync($"/Complaints/{id}?handler=Dispatch", new() { ["Dispatch.DepartmentId"] = "2", ["Version"] = "1" }, "/Complaints/Create");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(ComplaintStatus.Registered, (await Desk.LoadAsync(_app, id)).Status);
    }

    [Fact]
    public async Task Moves_WholeLifecycle_EachInTheTimeline()
    {
        using var caller = await _app.SignInAsync("supervisor");
        var id = await Desk.RegisterAsync(_clerk);

        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2", ["Dispatch.AssigneeName"] = "刘师傅" });
        await Desk.MoveOkAsync(_clerk, id, "Reassign", new() { ["Reassign.DepartmentId"] = "1", ["Reassign.Note"] = "需客服协调" });
        await Desk.MoveOkAsync(_clerk, id, "RecordProgress", new() { ["RecordProgress.Note"] = "已联系维保单位" });
        await Desk.MoveOkAsync(_clerk, id, "PutOnHold", new() { ["PutOnHold.Note"] = "等待配件" });
        await Desk.MoveOkAsync(_clerk, id, "Resume", new() { ["Resume.Note"] = "配件已到" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已更换门机" });
        await Desk.MoveOkAsync(caller, id, "RecordFollowUp", new()
        {
            ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied", ["RecordFollowUp.Note"] = "业主表示满意",
        });

        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(
            [TimelineKind.Registered, TimelineKind.Dispatched, TimelineKind.Reassigned, TimelineKind.Progress, TimelineKind.PutOnHold,
             TimelineKind.Resumed, TimelineKind.Resolved, TimelineKind.FollowUp],
            complaint.Timeline.OrderBy(t => t.Id).Select(t => t.Kind));
        var html = await caller.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("id=\"complaint-status\">已结案</span>", html);
        Assert.Contains("回访已保存（TS2026110001，当前状态：已结案）。", html);
        Assert.Contains("待回访 → 已结案", html);
        Assert.Contains("工程部/刘师傅 → 客服部", html);
        Assert.Contains("已更换门机", html);
        Assert.Contains("电话回访，满意", html);
        Assert.Contains("id=\"no-moves\"", await _clerk.GetPageAsync($"/Complaints/{id}"));
    }

    [Fact]
    public async Task Dispatch_Twice_SecondIsRefusedWithTheRule()
    {
        var id = await Desk.RegisterAsync(_clerk);
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        var version = (await Desk.LoadAsync(_app, id)).Version;

        var again = await Desk.MoveAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "3" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("派单未保存：投诉当前为「处理中」，不能派单。", await again.Content.ReadAsStringAsync());
        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(2, complaint.DepartmentId);
        Assert.Equal(version, complaint.Version);
    }

    [Fact]
    public async Task Withdraw_ByClerk_RefusedAndNothingChanges()
    {
        var id = await Desk.RegisterAsync(_clerk);
        var before = await Desk.LoadAsync(_app, id);

        var response = await Desk.MoveAsync(_clerk, id, "Withdraw", new() { ["Withdraw.Reason"] = "ByComplainant", ["Withdraw.Note"] = "业主撤回" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("撤销未保存：只有客服主管可以撤销。", await response.Content.ReadAsStringAsync());
        var after = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.Registered, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.Timeline);
    }

    [Fact]
    public async Task Moves_MissingOrOversizedText_MessagesBesideTheFieldNothingSaved()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var noDepartment = await Desk.MoveAsync(_clerk, id, "Dispatch", new() { ["Dispatch.AssigneeName"] = new string('人', 51) });
        var noDepartmentHtml = await noDepartment.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Dispatch.DepartmentId\"[^>]*>请选择责任部门。<", noDepartmentHtml);
        Assert.Contains("处理人不能超过 50 个字。", noDepartmentHtml);
        Assert.Contains("id=\"move-Dispatch\" open=\"open\"", noDepartmentHtml);

        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        var version = (await Desk.LoadAsync(_app, id)).Version;
        var noResolution = await Desk.MoveAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "  " });
        var tooLong = await Desk.MoveAsync(_clerk, id, "RecordProgress", new() { ["RecordProgress.Note"] = new string('进', 2001) });
        var badOutcome = await Desk.MoveAsync(_clerk, id, "PutOnHold", new() { });

        Assert.Contains("请填写处理结果。", await noResolution.Content.ReadAsStringAsync());
        Assert.Contains("说明不能超过 2000 个字。", await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("请填写挂起原因。", await badOutcome.Content.ReadAsStringAsync());
        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Equal(version, complaint.Version);
    }

    [Fact]
    public async Task Moves_SameVersionFromTwoPeople_SecondToldItChangedAndNothingOverwritten()
    {
        var id = await Desk.RegisterAsync(_clerk);
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        using var supervisor = await _app.SignInAsync("supervisor");
        var seenByClerk = Desk.VersionOn(await _clerk.GetPageAsync($"/Complaints/{id}"));
        var seenBySupervisor = Desk.VersionOn(await supervisor.GetPageAsync($"/Complaints/{id}"));
        Assert.Equal(seenByClerk, seenBySupervisor);

        var first = await Desk.MoveAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已修好" }, seenByClerk);
        var second = await Desk.MoveAsync(supervisor, id, "RecordProgress", new() { ["RecordProgress.Note"] = "主管跟进中" }, seenBySupervisor);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict-alert\">处理进展未保存：投诉 TS2026110001 刚刚被其他人修改", html);
        Assert.Contains("下面显示的是最新状态。", html);
        Assert.Contains("id=\"complaint-status\">待回访</span>", html);
        Assert.Contains("已修好", html);
        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.DoesNotContain(complaint.Timeline, t => t.Note == "主管跟进中");
        Assert.Contains($"name=\"Version\" value=\"{complaint.Version}\"", html);
    }

    [Fact]
    public async Task Supervisor_ReclassifyWithdrawAndReopen_AreSavedWithReasons()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var reclassified = await Desk.RegisterAsync(_clerk, ("Location", "1栋"));
        var withdrawn = await Desk.RegisterAsync(_clerk, ("Location", "2栋"));
        var reopened = await Desk.RegisterAsync(_clerk, ("Location", "3栋"));

        await Desk.MoveOkAsync(supervisor, reclassified, "Reclassify", new()
        {
            ["Reclassify.Cause"] = "EngineeringQuality", ["Reclassify.TimesRaisedUnresolved"] = "1", ["Reclassify.ComplainantCount"] = "1",
            ["Reclassify.Reason"] = "核实为开发商遗留问题",
        });
        await Desk.MoveOkAsync(supervisor, withdrawn, "Withdraw", new() { ["Withdraw.Reason"] = "Duplicate", ["Withdraw.Note"] = "与 TS2026110001 重复" });
        await Desk.MoveOkAsync(_clerk, reopened, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, reopened, "Resolve", new() { ["Resolve.Note"] = "已处理" });
        await Desk.MoveOkAsync(supervisor, reopened, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Visit", ["RecordFollowUp.Outcome"] = "BasicallySatisfied" });
        await Desk.MoveOkAsync(supervisor, reopened, "Reopen", new() { ["Reopen.Note"] = "业主再次反映" });

        Assert.Equal(ComplaintType.B, (await Desk.LoadAsync(_app, reclassified)).Type);
        Assert.Contains("核实为开发商遗留问题", await _clerk.GetPageAsync($"/Complaints/{reclassified}"));
        Assert.Equal(ComplaintStatus.Withdrawn, (await Desk.LoadAsync(_app, withdrawn)).Status);
        var again = await Desk.LoadAsync(_app, reopened);
        Assert.Equal(ComplaintStatus.InProgress, again.Status);
        Assert.Equal(2, again.Facts.TimesRaisedUnresolved);
    }

    [Fact]
    public async Task Reopen_ByClerk_RefusedByTheLifecycle()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var id = await Desk.RegisterAsync(_clerk);
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已处理" });
        await Desk.MoveOkAsync(supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });

        var closed = await Desk.LoadAsync(_app, id);
        Assert.DoesNotContain("id=\"move-Reopen\"", await _clerk.GetPageAsync($"/Complaints/{id}"));

        var response = await Desk.MoveAsync(_clerk, id, "Reopen", new() { ["Reopen.Note"] = "再次反映" }, closed.Version);

        Assert.Contains("只有客服主管可以重新打开。", await response.Content.ReadAsStringAsync());
        Assert.Equal(ComplaintStatus.Closed, (await Desk.LoadAsync(_app, id)).Status);
    }

    [Fact]
    public async Task FollowUp_DissatisfiedThenUnreachableThrice_ReopensThenSupervisorClosesAsUnreachable()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var id = await Desk.RegisterAsync(_clerk);
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已处理" });
        await Desk.MoveOkAsync(supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Dissatisfied" });
        Assert.Equal(ComplaintStatus.InProgress, (await Desk.LoadAsync(_app, id)).Status);
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "再次处理" });
        for (var i = 0; i < 3; i++)
        {
            // One attempt a day (the follow-up rules); a new day is a new sign-in (the cookie lasts 10 hours).
            _app.Clock.Advance(TimeSpan.FromDays(1));
            using var today = await _app.SignInAsync("supervisor");
            Assert.DoesNotContain("id=\"move-CloseUnreachable\"", await today.GetPageAsync($"/Complaints/{id}"));
            await Desk.MoveOkAsync(today, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "WeChat", ["RecordFollowUp.Outcome"] = "Unreachable" });
        }

        using var clerk = await _app.SignInAsync("clerk");
        using var closer = await _app.SignInAsync("supervisor");
        Assert.DoesNotContain("id=\"move-CloseUnreachable\"", await clerk.GetPageAsync($"/Complaints/{id}"));
        Assert.Contains("id=\"move-CloseUnreachable-toggle\">结案（无法联系）</summary>", await closer.GetPageAsync($"/Complaints/{id}"));
        await Desk.MoveOkAsync(closer, id, "CloseUnreachable", new() { ["CloseUnreachable.Note"] = "三次电话、微信均未联系上" });

        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(2, complaint.Facts.TimesRaisedUnresolved);
        Assert.Equal(4, complaint.FollowUps.Count);
    }

    [Fact]
    public async Task RecordRepeatRaise_OnDetails_CountsARaise()
    {
        var id = await Desk.RegisterAsync(_clerk);

        await Desk.MoveOkAsync(_clerk, id, "RecordRepeatRaise", new() { ["RecordRepeatRaise.Note"] = "业主来电催促" });

        Assert.Equal(2, (await Desk.LoadAsync(_app, id)).Facts.TimesRaisedUnresolved);
    }

    [Fact]
    public async Task Print_Complaint_OnePageRecordWithoutNavigation()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var html = await _clerk.GetPageAsync($"/Complaints/{id}/Print");

        Assert.Contains("<h1 class=\"print-title\">投诉处理记录表</h1>", html);
        Assert.Contains("id=\"print-number\">TS2026110001</strong>", html);
        Assert.Contains("13812341234", html);
        Assert.DoesNotContain("navbar", html);
        Assert.Contains("class=\"print-sheet\"", html);
    }
}
