using System.Net;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Web.Tests.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Investigations;

/// <summary>调查处理报告 and 整改措施 on the pages: the details page, the print view and the 整改措施 list (issue 17 section 2).</summary>
public sealed class InvestigationPageTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private DeskClient _clerk = null!;
    private DeskClient _supervisor = null!;
    private DeskClient _manager = null!;

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignInAsync("clerk");
        _supervisor = await _app.SignInAsync("supervisor");
        _manager = await _app.SignInAsync("manager");
    }

    public Task DisposeAsync()
    {
        _clerk.Dispose();
        _supervisor.Dispose();
        _manager.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The report as the supervisor fills it in: two actions and a spare row left blank (the clock starts on 16 Nov 2026).</summary>
    public static Dictionary<string, string?> Report(params (string Field, string? Value)[] overrides)
    {
        var fields = new Dictionary<string, string?>
        {
            ["WriteInvestigation.WhatHappened"] = "11月15日晚3栋电梯困人，业主被困约40分钟",
            ["WriteInvestigation.Cause"] = "维保单位夜间值班人员不足，接警后40分钟才到场",
            ["WriteInvestigation.ResponsibleDepartmentId"] = "2",
            ["WriteInvestigation.ResponsiblePerson"] = "李师傅",
            ["WriteInvestigation.Actions[0].Description"] = "约谈维保单位，夜间增派值班人员",
            ["WriteInvestigation.Actions[0].OwnerDepartmentId"] = "2",
            ["WriteInvestigation.Actions[0].DueOn"] = "2026-11-30",
            ["WriteInvestigation.Actions[1].Description"] = "客服部组织电梯困人应急演练",
            ["WriteInvestigation.Actions[1].OwnerDepartmentId"] = "1",
            ["WriteInvestigation.Actions[1].DueOn"] = "2026-12-15",
            ["WriteInvestigation.Actions[2].Description"] = "",
            ["WriteInvestigation.Actions[2].OwnerDepartmentId"] = "",
            ["WriteInvestigation.Actions[2].DueOn"] = "",
        };
        foreach (var (field, value) in overrides)
        {
            fields["WriteInvestigation." + field] = value;
        }

        return fields;
    }

    /// <summary>A major complaint (3.1.2(d)) registered, dispatched and resolved by the clerk.</summary>
    private async Task<long> MajorResolvedAsync()
    {
        var id = await Desk.RegisterAsync(_clerk, ("GovernmentReferralWithSocialImpact", "true"));
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已协调维保单位整改" });
        Assert.True((await Desk.LoadAsync(_app, id)).IsMajor);
        return id;
    }

    private Task<Complaint> LoadAsync(long id) =>
        _app.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Investigation).Include(c => c.CorrectiveActions).Include(c => c.Timeline)
            .SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Details_MajorWithoutReport_SupervisorGetsTheFormClerkAndManagerDoNot()
    {
        var id = await MajorResolvedAsync();

        var supervisorHtml = await _supervisor.GetPageAsync($"/Complaints/{id}");
        var clerkHtml = await _clerk.GetPageAsync($"/Complaints/{id}");
        var managerHtml = await _manager.GetPageAsync($"/Complaints/{id}");

        Assert.Contains("id=\"investigation-missing\"", supervisorHtml);
        Assert.Contains("id=\"move-WriteInvestigation\"", supervisorHtml);
        Assert.Contains("name=\"WriteInvestigation.Actions[2].DueOn\"", supervisorHtml);
        Assert.Contains("id=\"investigation-missing\"", clerkHtml);
        Assert.DoesNotContain("id=\"move-WriteInvestigation\"", clerkHtml);
        Assert.DoesNotContain("id=\"move-WriteInvestigation\"", managerHtml);
        Assert.DoesNotContain("id=\"move-ApproveInvestigation\"", managerHtml);
    }

    [Fact]
    public async Task Details_NotMajor_ShowsNoInvestigationSection()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var html = await _supervisor.GetPageAsync($"/Complaints/{id}");

        Assert.DoesNotContain("id=\"investigation\"", html);
    }

    [Fact]
    public async Task FollowUp_SatisfiedOnMajorWithoutApprovedReport_RefusedInChinese()
    {
        var id = await MajorResolvedAsync();

        var response = await Desk.MoveAsync(_supervisor, id, "RecordFollowUp",
            new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("重大投诉须由客服主管填写调查处理报告并经经理审核通过后才能结案。", await response.Content.ReadAsStringAsync());
        Assert.Equal(ComplaintStatus.Resolved, (await Desk.LoadAsync(_app, id)).Status);
    }

    [Fact]
    public async Task Investigation_WrittenApprovedDoneVerified_ThenTheComplaintCloses()
    {
        var id = await MajorResolvedAsync();

        await Desk.MoveOkAsync(_supervisor, id, "WriteInvestigation", Report());
        var written = await LoadAsync(id);
        Assert.Equal(InvestigationStatus.Submitted, written.InvestigationStatus);
        Assert.Equal(("工程部", "李师傅"), (written.Investigation!.ResponsibleDepartmentName, written.Investigation.ResponsiblePerson));
        Assert.Equal(["工程部", "客服部"], written.CorrectiveActions.OrderBy(a => a.No).Select(a => a.OwnerDepartmentName));
        Assert.Equal(new DateOnly(2026, 11, 30), written.CorrectiveActions.Single(a => a.No == 1).DueOn);
        var managerHtml = await _manager.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("id=\"move-ApproveInvestigation\"", managerHtml);
        Assert.Contains("id=\"investigation-status\">待审核", managerHtml);

        await Desk.MoveOkAsync(_manager, id, "ApproveInvestigation", new() { ["ApproveInvestigation.Note"] = "同意，按期整改" });
        var approved = await LoadAsync(id);
        Assert.Equal(InvestigationStatus.Approved, approved.InvestigationStatus);
        Assert.Equal("陈经理", approved.Investigation!.ReviewedByName);
        Assert.All(approved.CorrectiveActions, a => Assert.Equal(CorrectiveActionStatus.Open, a.Status));

        await Desk.MoveOkAsync(_clerk, id, "CompleteCorrectiveAction", new() { ["CompleteCorrectiveAction.No"] = "1", ["CompleteCorrectiveAction.Note"] = "已约谈并签订补充协议" });
        await Desk.MoveOkAsync(_supervisor, id, "VerifyCorrectiveAction",
            new() { ["VerifyCorrectiveAction.No"] = "1", ["VerifyCorrectiveAction.Result"] = "Passed", ["VerifyCorrectiveAction.Note"] = "夜间抽查有人值班" });
        var verified = (await LoadAsync(id)).CorrectiveActions.Single(a => a.No == 1);
        Assert.Equal((CorrectiveActionStatus.Verified, "李主管", VerificationResult.Passed), (verified.Status, verified.VerifiedByName, verified.VerificationResult));

        await Desk.MoveOkAsync(_supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });
        var closed = await LoadAsync(id);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(
            [TimelineKind.InvestigationWritten, TimelineKind.InvestigationApproved, TimelineKind.CorrectiveActionCompleted, TimelineKind.CorrectiveActionVerified],
            closed.Timeline.OrderBy(t => t.Id).Select(t => t.Kind).Where(k => k >= TimelineKind.InvestigationWritten));

        var html = await _clerk.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("id=\"investigation-status\">已审核", html);
        Assert.Contains("验证：李主管", html);

        // Action 2 is still open after the complaint closed: the clerk can still record it.
        Assert.Contains("id=\"move-CompleteCorrectiveAction\"", html);
    }

    [Fact]
    public async Task WriteInvestigation_BadInput_ShowsChineseMessagesAndSavesNothing()
    {
        var id = await MajorResolvedAsync();

        var noCause = await Desk.MoveAsync(_supervisor, id, "WriteInvestigation", Report(("Cause", "")));
        var noActions = await Desk.MoveAsync(_supervisor, id, "WriteInvestigation", Report(
            ("Actions[0].Description", ""), ("Actions[0].OwnerDepartmentId", ""), ("Actions[0].DueOn", ""),
            ("Actions[1].Description", ""), ("Actions[1].OwnerDepartmentId", ""), ("Actions[1].DueOn", "")));
        var pastDue = await Desk.MoveAsync(_supervisor, id, "WriteInvestigation", Report(("Actions[1].DueOn", "2026-11-01")));
        var noDepartment = await Desk.MoveAsync(_supervisor, id, "WriteInvestigation", Report(("Actions[0].OwnerDepartmentId", "999")));
        var badDate = await Desk.MoveAsync(_supervisor, id, "WriteInvestigation", Report(("Actions[0].DueOn", "明天")));

        Assert.Contains("请填写原因分析。", await noCause.Content.ReadAsStringAsync());
        Assert.Contains("请至少填写一项整改措施。", await noActions.Content.ReadAsStringAsync());
        Assert.Contains("第 2 项整改措施的完成期限须不早于今天。", await pastDue.Content.ReadAsStringAsync());
        Assert.Contains("第 1 项整改措施的责任部门无效。", await noDepartment.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        var badDateHtml = await badDate.Content.ReadAsStringAsync();
        Assert.Contains("填写调查处理报告未保存", badDateHtml);
        Assert.Contains("填写的内容格式不正确。", badDateHtml);
        var complaint = await LoadAsync(id);
        Assert.Null(complaint.InvestigationStatus);
        Assert.Null(complaint.Investigation);
        Assert.Empty(complaint.CorrectiveActions);
    }

    [Fact]
    public async Task ReviewMoves_OnlyManagersReview_ManagersWriteNothingElse()
    {
        var id = await MajorResolvedAsync();
        await Desk.MoveOkAsync(_supervisor, id, "WriteInvestigation", Report());

        var byClerk = await Desk.MoveAsync(_clerk, id, "ApproveInvestigation", new(), tokenPage: $"/Complaints/{id}");
        var managerWrites = await Desk.MoveAsync(_manager, id, "WriteInvestigation", Report(), tokenPage: $"/Complaints/{id}");
        var returnWithoutReason = await Desk.MoveAsync(_manager, id, "ReturnInvestigation", new() { ["ReturnInvestigation.Note"] = "" });

        Assert.Contains("只有经理可以审核通过调查处理报告。", await byClerk.Content.ReadAsStringAsync());
        Assert.True(Security.Access.IsDenied(managerWrites), $"{managerWrites.StatusCode} {managerWrites.Headers.Location}");
        Assert.Contains("请填写退回原因。", await returnWithoutReason.Content.ReadAsStringAsync());
        Assert.Equal(InvestigationStatus.Submitted, (await LoadAsync(id)).InvestigationStatus);

        await Desk.MoveOkAsync(_manager, id, "ReturnInvestigation", new() { ["ReturnInvestigation.Note"] = "请补充维保记录" });
        var html = await _supervisor.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("id=\"investigation-status\">已退回", html);
        Assert.Contains("请补充维保记录", html);
        Assert.Contains("修改调查处理报告", html);
        Assert.Contains("value=\"约谈维保单位，夜间增派值班人员\"", html);
    }

    [Fact]
    public async Task Print_ApprovedReport_CarriesTheInvestigationAndActions()
    {
        var id = await MajorResolvedAsync();
        var before = await _clerk.GetPageAsync($"/Complaints/{id}/Print");
        await Desk.MoveOkAsync(_supervisor, id, "WriteInvestigation", Report());
        await Desk.MoveOkAsync(_manager, id, "ApproveInvestigation", new());

        var html = await _clerk.GetPageAsync($"/Complaints/{id}/Print");

        Assert.Contains("id=\"print-investigation-missing\"", before);
        Assert.Contains("调查处理报告（已审核）", html);
        Assert.Contains("维保单位夜间值班人员不足", html);
        Assert.Contains("陈经理", html);
        Assert.Contains("1. 约谈维保单位，夜间增派值班人员", html);
        Assert.Contains("2026-12-15", html);
    }

    [Fact]
    public async Task CorrectiveActionsList_ShowsOpenActionsOfOnesProjects_OverdueMarked()
    {
        var id = await MajorResolvedAsync();
        var number = (await Desk.LoadAsync(_app, id)).Number;
        await Desk.MoveOkAsync(_supervisor, id, "WriteInvestigation", Report());
        Assert.DoesNotContain(number, await _clerk.GetPageAsync("/CorrectiveActions"));
        await Desk.MoveOkAsync(_manager, id, "ApproveInvestigation", new());
        using var clerk2 = await _app.SignInAsync("clerk2");

        var list = await _clerk.GetPageAsync("/CorrectiveActions");
        var otherProject = await _clerk.GetPageAsync("/CorrectiveActions?projectId=2");
        var overdueBefore = await _clerk.GetPageAsync("/CorrectiveActions?overdueOnly=true");
        var ofClerk2 = await clerk2.GetPageAsync("/CorrectiveActions");
        var ofClerk2InProject1 = await clerk2.GetPageAsync("/CorrectiveActions?projectId=1");
        _app.Clock.Advance(TimeSpan.FromDays(15));
        using var manager = await _app.SignInAsync("manager");
        var overdueAfter = await manager.GetPageAsync("/CorrectiveActions?overdueOnly=true");

        Assert.Contains(number, list);
        Assert.Contains("约谈维保单位，夜间增派值班人员", list);
        Assert.Contains("客服部组织电梯困人应急演练", list);
        Assert.DoesNotContain(number, otherProject);
        Assert.DoesNotContain(number, ofClerk2);
        Assert.DoesNotContain(number, ofClerk2InProject1);
        Assert.DoesNotContain(number, overdueBefore);
        Assert.Contains(number, overdueAfter);
        Assert.Contains("整改中（已逾期）", overdueAfter);
        Assert.DoesNotContain("客服部组织电梯困人应急演练", overdueAfter);
    }
}
