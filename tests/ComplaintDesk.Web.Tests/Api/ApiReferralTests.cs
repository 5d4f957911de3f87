using System.Net;
using System.Text.Json.Nodes;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>政府转办 in the API: the sources, a referral at registration or later, every referral move and its refusals.</summary>
public sealed class ApiReferralTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Sources_ListsTheMasterListWithDefaults()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var sources = (await ApiTestClient.JsonAsync(await clerk.GetAsync("/api/v1/referral-sources"), HttpStatusCode.OK)).AsArray();

        Assert.Equal(["12345 热线", "住建部门", "街道/社区", "其他"], sources.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(120, sources[0]!["completionHours"]!.GetValue<int>());
        Assert.Null(sources[3]!["completionHours"]);
    }

    [Fact]
    public async Task Register_WithReferral_DetailShowsItWithDefaultsAndItsMoves()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var received = fixture.App.Clock.GetUtcNow().AddHours(-1);

        var id = await clerk.RegisterAsync(b => b["referral"] = Referral("API-REG-1", received));

        var detail = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        var referral = detail["referral"]!;
        Assert.Equal("API-REG-1", referral["ticketNumber"]!.GetValue<string>());
        Assert.Equal("12345 热线", referral["sourceName"]!.GetValue<string>());
        Assert.Equal("待签收", referral["state"]!.GetValue<string>());
        Assert.Equal(received.UtcDateTime.AddHours(2), referral["signForDue"]!.GetValue<DateTime>());
        Assert.Equal(received.UtcDateTime.AddDays(5), referral["completionDue"]!.GetValue<DateTime>());
        var moves = detail["allowedReferralMoves"]!.AsArray();
        Assert.Contains(moves, m => m!["move"]!.GetValue<string>() == "SignFor" && m["href"]!.GetValue<string>() == $"/api/v1/complaints/{id}/referral/sign-for");
        Assert.Contains(detail["deadlines"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "ReferralSignFor");
    }

    [Fact]
    public async Task Register_TicketTakenForTheSource_Answers400NamingTheField()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        await clerk.RegisterAsync(b => b["referral"] = Referral("API-DUP-1"));

        var response = await clerk.PostRawAsync("/api/v1/complaints",
            ApiTestClient.Registration(b => { b["referral"] = Referral("API-DUP-1"); b["phone"] = "13900003333"; }).ToJsonString());

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("已登记在投诉", problem["errors"]!["referral.ticketNumber"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moves_RecordSignForResolve_CloseRefusedWithoutReply_ThenReplyClosesAndSatisfaction()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync(b => b["phone"] = "13900004444");

        var recorded = await clerk.MoveAsync(id, "referral", new { sourceId = 2, ticketNumber = "ZJ-2026-88" });
        Assert.Equal("住建部门", recorded["referral"]!["sourceName"]!.GetValue<string>());
        await clerk.MoveAsync(id, "referral/sign-for", new { });
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        await clerk.MoveAsync(id, "resolve", new { note = "已修复" });

        var refused = await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied" }, HttpStatusCode.Conflict);
        Assert.Equal("referral.reply-required", refused["ruleCode"]!.GetValue<string>());

        var replied = await clerk.MoveAsync(id, "referral/reply", new { text = "已修复并经业主确认。" });
        Assert.Equal("已办结反馈", replied["referral"]!["state"]!.GetValue<string>());
        var closed = await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied" });
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        var rated = await clerk.MoveAsync(id, "referral/satisfaction", new { satisfaction = "Dissatisfied" });
        Assert.Equal("Dissatisfied", rated["referral"]!["satisfaction"]!.GetValue<string>());
    }

    [Fact]
    public async Task Extension_DecisionByClerkRefused_BySupervisorMovesTheDeadline()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync(b => { b["referral"] = Referral("API-EXT-1"); b["phone"] = "13900005555"; });
        var asked = fixture.App.Clock.GetUtcNow().AddDays(10);

        await clerk.MoveAsync(id, "referral/extension-request", new { reason = "配件未到", completionDue = asked });
        var byClerk = await clerk.MoveAsync(id, "referral/decision", new { approved = true }, HttpStatusCode.Conflict);
        var decided = await supervisor.MoveAsync(id, "referral/decision", new { approved = true, note = "平台同意" });

        Assert.Equal("lifecycle.role-not-allowed", byClerk["ruleCode"]!.GetValue<string>());
        Assert.Equal(asked.UtcDateTime, decided["referral"]!["completionDue"]!.GetValue<DateTime>());
        Assert.Equal(1, decided["referral"]!["extensionsApproved"]!.GetValue<int>());
    }

    [Fact]
    public async Task Moves_BadInput_Answers400OrConflictWithRuleCode()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var plain = await clerk.RegisterAsync(b => b["phone"] = "13900006666");
        var referred = await clerk.RegisterAsync(b => { b["referral"] = Referral("API-BAD-1"); b["phone"] = "13900007777"; });

        var missing = await clerk.MoveAsync(plain, "referral/sign-for", new { }, HttpStatusCode.Conflict);
        var future = await clerk.MoveAsync(referred, "referral/sign-for", new { at = fixture.App.Clock.GetUtcNow().AddHours(1) }, HttpStatusCode.BadRequest);
        var noReason = await clerk.MoveAsync(referred, "referral/return-request", new { }, HttpStatusCode.BadRequest);
        var noDue = await clerk.MoveAsync(referred, "referral/extension-request", new { reason = "理由" }, HttpStatusCode.BadRequest);

        Assert.Equal("referral.missing", missing["ruleCode"]!.GetValue<string>());
        Assert.Equal("referral.time", future["ruleCode"]!.GetValue<string>());
        Assert.Equal("签收时间不能晚于现在。", future["detail"]!.GetValue<string>());
        Assert.Equal("请填写申请原因。", noReason["errors"]!["reason"]![0]!.GetValue<string>());
        Assert.Equal("请填写申请的办结时限。", noDue["errors"]!["completionDue"]![0]!.GetValue<string>());
    }

    private static JsonObject Referral(string ticket, DateTimeOffset? received = null)
    {
        var referral = new JsonObject { ["sourceId"] = 1, ["ticketNumber"] = ticket };
        if (received is { } at)
        {
            referral["receivedAt"] = at;
        }

        return referral;
    }
}
