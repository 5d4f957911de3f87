using System.Net;
using System.Text.Json.Nodes;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Api;

namespace ComplaintDesk.Web.Tests.Investigations;

/// <summary>The investigation through /api/v1: the five moves, the report in the detail, the 整改措施 list, the errors.</summary>
public sealed class ApiInvestigationTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static JsonObject Report(Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["whatHappened"] = "11月15日晚3栋电梯困人，业主被困约40分钟",
            ["cause"] = "维保单位夜间值班人员不足",
            ["responsibleDepartmentId"] = 2,
            ["responsiblePerson"] = null,
            ["actions"] = new JsonArray(
                new JsonObject { ["description"] = "约谈维保单位，夜间增派值班人员", ["ownerDepartmentId"] = 2, ["dueOn"] = "2026-11-30" },
                new JsonObject { ["description"] = "客服部组织应急演练", ["ownerDepartmentId"] = 1, ["dueOn"] = "2026-12-15" }),
        };
        change?.Invoke(body);
        return body;
    }

    /// <summary>A major complaint (3.1.2(d)) dispatched and resolved by the clerk.</summary>
    private async Task<long> MajorResolvedAsync(ApiTestClient clerk)
    {
        var id = await clerk.RegisterAsync(b => b["governmentReferralWithSocialImpact"] = true);
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        await clerk.MoveAsync(id, "resolve", new { note = "已协调维保单位整改" });
        return id;
    }

    [Fact]
    public async Task Investigation_ThroughTheApi_WrittenApprovedDoneVerified()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        using var manager = await fixture.ClientAsync("manager");
        var id = await MajorResolvedAsync(clerk);
        var before = await ApiTestClient.JsonAsync(await supervisor.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        Assert.Null(before["investigation"]);
        Assert.Contains(before["allowedMoves"]!.AsArray(), m => m!["href"]!.GetValue<string>() == $"/api/v1/complaints/{id}/investigation");

        var written = await supervisor.MoveAsync(id, "investigation", Report());
        Assert.Equal("Submitted", written["investigation"]!["status"]!.GetValue<string>());
        Assert.Equal("待审核", written["investigation"]!["statusLabel"]!.GetValue<string>());
        Assert.Equal(2, written["investigation"]!["actions"]!.AsArray().Count);
        Assert.Equal("工程部", written["investigation"]!["responsibleDepartmentName"]!.GetValue<string>());

        var managerView = await ApiTestClient.JsonAsync(await manager.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        Assert.Equal(
            ["ApproveInvestigation", "ReturnInvestigation"],
            managerView["allowedMoves"]!.AsArray().Select(m => m!["move"]!.GetValue<string>()).Order());

        var approved = await manager.MoveAsync(id, "investigation/approve", new { note = "同意" });
        Assert.Equal("Approved", approved["investigation"]!["status"]!.GetValue<string>());
        var action1 = approved["investigation"]!["actions"]![0]!;
        Assert.Equal(("Open", "2026-11-30", false), (action1["status"]!.GetValue<string>(), action1["dueOn"]!.GetValue<string>(), action1["overdue"]!.GetValue<bool>()));

        await clerk.MoveAsync(id, "corrective-actions/complete", new { no = 1, note = "已约谈维保单位" });
        var verified = await supervisor.MoveAsync(id, "corrective-actions/verify", new { no = 1, result = "Passed", note = "抽查合格" });
        var done = verified["investigation"]!["actions"]![0]!;
        Assert.Equal(("Verified", "李主管", "Passed"),
            (done["status"]!.GetValue<string>(), done["verifiedByName"]!.GetValue<string>(), done["verificationResult"]!.GetValue<string>()));

        var closed = await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied" });
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task FollowUp_SatisfiedOnMajorWithoutApprovedReport_Answers409WithRuleCode()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await MajorResolvedAsync(clerk);

        var problem = await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied" }, HttpStatusCode.Conflict);

        Assert.Equal(RuleCodes.InvestigationRequired, problem["ruleCode"]!.GetValue<string>());
        Assert.Contains("调查处理报告", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moves_WrongRoleOrBadInput_AnswerProblemsAndSaveNothing()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        using var manager = await fixture.ClientAsync("manager");
        var id = await MajorResolvedAsync(clerk);

        var byClerk = await clerk.MoveAsync(id, "investigation", Report(), HttpStatusCode.Conflict);
        var byManager = await manager.MoveAsync(id, "investigation", Report(), HttpStatusCode.Forbidden);
        var noActions = await supervisor.MoveAsync(id, "investigation", Report(b => b["actions"] = new JsonArray()), HttpStatusCode.BadRequest);
        var noCause = await supervisor.MoveAsync(id, "investigation", Report(b => b["cause"] = ""), HttpStatusCode.BadRequest);
        var badDepartment = await supervisor.MoveAsync(id, "investigation",
            Report(b => b["actions"]![1]!["ownerDepartmentId"] = 999), HttpStatusCode.BadRequest);
        var pastDue = await supervisor.MoveAsync(id, "investigation",
            Report(b => b["actions"]![0]!["dueOn"] = "2026-11-01"), HttpStatusCode.Conflict);
        var nothingToApprove = await manager.MoveAsync(id, "investigation/approve", new { }, HttpStatusCode.Conflict);

        Assert.Equal(RuleCodes.RoleNotAllowed, byClerk["ruleCode"]!.GetValue<string>());
        Assert.NotNull(byManager);
        Assert.Equal("请至少填写一项整改措施。", noActions["errors"]!["actions"]![0]!.GetValue<string>());
        Assert.Equal("请填写原因分析。", noCause["errors"]!["cause"]![0]!.GetValue<string>());
        Assert.Equal("第 2 项整改措施的责任部门无效。", badDepartment["errors"]!["actions[1].ownerDepartmentId"]![0]!.GetValue<string>());
        Assert.Equal(RuleCodes.CorrectiveActionDueDate, pastDue["ruleCode"]!.GetValue<string>());
        Assert.Equal(RuleCodes.InvestigationNotSubmitted, nothingToApprove["ruleCode"]!.GetValue<string>());
        var detail = await ApiTestClient.JsonAsync(await supervisor.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        Assert.Null(detail["investigation"]);

        await supervisor.MoveAsync(id, "investigation", Report());
        var clerkApproves = await clerk.MoveAsync(id, "investigation/approve", new { }, HttpStatusCode.Conflict);
        var returnWithoutReason = await manager.MoveAsync(id, "investigation/return", new { note = "" }, HttpStatusCode.BadRequest);
        var completeDraft = await clerk.MoveAsync(id, "corrective-actions/complete", new { no = 1, note = "已做" }, HttpStatusCode.Conflict);
        var verifyFailedWithoutDate = await supervisor.MoveAsync(id, "corrective-actions/verify", new { no = 1, result = "Failed", note = "未整改" },
            HttpStatusCode.BadRequest);

        Assert.Equal(RuleCodes.RoleNotAllowed, clerkApproves["ruleCode"]!.GetValue<string>());
        Assert.Equal(RuleCodes.ReasonRequired, returnWithoutReason["ruleCode"]!.GetValue<string>());
        Assert.Equal(RuleCodes.CorrectiveActionNotInStatus, completeDraft["ruleCode"]!.GetValue<string>());
        Assert.Equal("验证未通过，请填写新的完成期限。", verifyFailedWithoutDate["errors"]!["newDueOn"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CorrectiveActions_List_ProjectScopedAndOverdueFilter()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        using var manager = await fixture.ClientAsync("manager");
        using var clerk2 = await fixture.ClientAsync("clerk2");
        var id = await MajorResolvedAsync(clerk);
        await supervisor.MoveAsync(id, "investigation", Report());
        await manager.MoveAsync(id, "investigation/approve", new { });

        var list = await ApiTestClient.JsonAsync(await clerk.GetAsync("/api/v1/corrective-actions?projectId=1"), HttpStatusCode.OK);
        var other = await ApiTestClient.JsonAsync(await clerk2.GetAsync("/api/v1/corrective-actions"), HttpStatusCode.OK);
        var outOfScope = await ApiTestClient.ProblemAsync(await clerk2.GetAsync("/api/v1/corrective-actions?projectId=1"), HttpStatusCode.NotFound);
        var badProject = await ApiTestClient.ProblemAsync(await clerk.GetAsync("/api/v1/corrective-actions?projectId=0"), HttpStatusCode.BadRequest);

        var mine = list["items"]!.AsArray().Where(i => i!["complaintId"]!.GetValue<long>() == id).ToList();
        Assert.Equal([1, 2], mine.Select(i => i!["no"]!.GetValue<int>()));
        Assert.Equal("整改中", mine[0]!["statusLabel"]!.GetValue<string>());
        Assert.False(list["more"]!.GetValue<bool>());
        Assert.DoesNotContain(other["items"]!.AsArray(), i => i!["complaintId"]!.GetValue<long>() == id);
        Assert.NotNull(outOfScope);
        Assert.NotNull(badProject["errors"]!["projectId"]);
    }
}
