using System.Net;
using System.Text.Json.Nodes;
using ComplaintDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>Contract of /api/v1/complaints: registration, list, detail, every move and the errors they give.</summary>
public sealed class ApiComplaintTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Register_ValidBody_Answers201WithLocationAndNumber()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var response = await clerk.PostRawAsync("/api/v1/complaints", ApiTestClient.Registration().ToJsonString());

        var body = await ApiTestClient.JsonAsync(response, HttpStatusCode.Created);
        var id = body["id"]!.GetValue<long>();
        Assert.Equal($"/api/v1/complaints/{id}", response.Headers.Location!.OriginalString);
        Assert.Matches(@"^TS202611\d{4}$", body["number"]!.GetValue<string>());
        Assert.Equal($"/api/v1/complaints/{id}", body["url"]!.GetValue<string>());
        var stored = await fixture.App.WithDbAsync(db => db.Complaints.SingleAsync(c => c.Id == id));
        Assert.Equal(body["number"]!.GetValue<string>(), stored.Number);
    }

    [Theory]
    [InlineData("accident", "3.1.1(a);3.1.2")]
    [InlineData("companyAtFault", "3.1.1(a);3.1.2(b)")]
    public async Task Register_DeprecatedInjuryOrMajorLossField_StillAcceptedAsMajorLoss(string with, string clauses)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync(b => { b["injuryOrMajorEconomicLoss"] = true; b[with] = true; });

        var detail = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);

        Assert.Equal(clauses, string.Join(';', detail["clauses"]!.AsArray().Select(c => c!.GetValue<string>())));
        var facts = detail["facts"]!;
        Assert.False(facts["injury"]!.GetValue<bool>());
        Assert.True(facts["economicLoss"]!.GetValue<bool>());
        Assert.True(facts["lossIsMajor"]!.GetValue<bool>());
        Assert.True(facts["injuryOrMajorEconomicLoss"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(false, "3.1.1(a);3.1.2")]
    [InlineData(true, "3.1.1(a);3.1.2;3.1.2(b)")]
    public async Task Register_AccidentWithLossAndCompanyFault_MajorLossAddsB(bool lossIsMajor, string clauses)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync(b => { b["accident"] = true; b["economicLoss"] = true; b["lossIsMajor"] = lossIsMajor; b["companyAtFault"] = true; });

        var detail = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);

        Assert.Equal(clauses, string.Join(';', detail["clauses"]!.AsArray().Select(c => c!.GetValue<string>())));
    }

    [Fact]
    public async Task Register_NullOnOptionalFields_MeansNotGiven()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync(b =>
        {
            b["companyAtFault"] = null;
            b["accident"] = null;
            b["complainantCount"] = null;
            b["timesRaisedUnresolved"] = null;
        });

        var detail = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);

        var facts = detail["facts"]!;
        Assert.False(facts["companyAtFault"]!.GetValue<bool>());
        Assert.False(facts["accident"]!.GetValue<bool>());
        Assert.Equal(1, facts["complainantCount"]!.GetValue<int>());
        Assert.Equal(1, facts["timesRaisedUnresolved"]!.GetValue<int>());
    }

    [Fact]
    public async Task Register_MajorLossWithoutLoss_Answers400()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var body = ApiTestClient.Registration(b => b["lossIsMajor"] = true);

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", body.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["lossIsMajor"]);
    }

    [Fact]
    public async Task Register_GroupOfTen_IsMajorUnder312e()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync(b => b["complainantCount"] = 10);

        var detail = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);

        Assert.Equal("A", detail["type"]!.GetValue<string>());
        Assert.Equal("Major", detail["severity"]!.GetValue<string>());
        Assert.Contains("3.1.2(e)", detail["clauses"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(detail["isGroup"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Detail_NewComplaint_HasTimelineDeadlinesAllowedMovesAndETag()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        var response = await clerk.GetAsync($"/api/v1/complaints/{id}");

        var detail = await ApiTestClient.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("Registered", detail["status"]!.GetValue<string>());
        Assert.Equal("待派单", detail["statusLabel"]!.GetValue<string>());
        Assert.Equal("阳光花园", detail["projectName"]!.GetValue<string>());
        Assert.Equal("13812341234", detail["phone"]!.GetValue<string>());
        var timeline = detail["timeline"]!.AsArray();
        Assert.Single(timeline);
        Assert.Equal("Registered", timeline[0]!["kind"]!.GetValue<string>());
        Assert.Contains(detail["deadlines"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "Dispatch");
        var moves = detail["allowedMoves"]!.AsArray().Select(m => m!["move"]!.GetValue<string>()).ToList();
        Assert.Contains("Dispatch", moves);
        Assert.DoesNotContain("Withdraw", moves); // supervisors only
        Assert.Contains(detail["allowedMoves"]!.AsArray(), m => m!["href"]!.GetValue<string>() == $"/api/v1/complaints/{id}/dispatch");
        Assert.Equal($"\"{detail["version"]!.GetValue<int>()}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Moves_WholeLifecycle_EachAnswersTheUpdatedComplaint()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync();

        Assert.Equal("InProgress", (await clerk.MoveAsync(id, "dispatch", new { departmentId = 2, assigneeName = "李师傅" }))["status"]!.GetValue<string>());
        var progressed = await clerk.MoveAsync(id, "progress", new { note = "已上门查看" });
        Assert.Equal("Progress", progressed["timeline"]!.AsArray()[^1]!["kind"]!.GetValue<string>());
        Assert.Equal(3, (await clerk.MoveAsync(id, "reassign", new { departmentId = 3, note = "转秩序维护部" }))["departmentId"]!.GetValue<int>());
        Assert.Equal("RepeatRaise", (await clerk.MoveAsync(id, "repeat-raise", new { note = "业主再次来电" }))["timeline"]!.AsArray()[^1]!["kind"]!.GetValue<string>());
        Assert.Equal("OnHold", (await clerk.MoveAsync(id, "hold", new { note = "等待配件" }))["status"]!.GetValue<string>());
        Assert.Equal("InProgress", (await clerk.MoveAsync(id, "resume", null))["status"]!.GetValue<string>());
        Assert.Equal("Resolved", (await clerk.MoveAsync(id, "resolve", new { note = "已更换灯具" }))["status"]!.GetValue<string>());
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Unreachable" });
        }

        // Three unanswered attempts on one day are not three days (the follow-up rules): a reached complainant closes it.
        var sameDay = await supervisor.MoveAsync(id, "close-unreachable", new { note = "三次无法联系" }, HttpStatusCode.Conflict);
        Assert.Equal("follow-up.attempts-too-few", sameDay["ruleCode"]!.GetValue<string>());
        Assert.Contains("分布在 1 天", sameDay["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var closed = await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied" });
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        Assert.Equal(4, closed["followUps"]!.AsArray().Count);
        Assert.Equal("InProgress", (await supervisor.MoveAsync(id, "reopen", new { note = "业主来电仍未解决" }))["status"]!.GetValue<string>());
        var reclassified = await supervisor.MoveAsync(id, "reclassify", new { cause = "EngineeringQuality", reason = "核实为房屋质量问题" });
        Assert.Equal("B", reclassified["type"]!.GetValue<string>());
        Assert.Null(reclassified["severity"]);
        var withdrawn = await supervisor.MoveAsync(id, "withdraw", new { reason = "Duplicate", note = "重复登记" });
        Assert.Equal("Withdrawn", withdrawn["status"]!.GetValue<string>());
        Assert.Empty(withdrawn["allowedMoves"]!.AsArray());
    }

    [Fact]
    public async Task FollowUp_Satisfied_ClosesTheComplaint()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        await clerk.MoveAsync(id, "resolve", new { note = "已处理" });

        using var supervisor = await fixture.ClientAsync("supervisor");
        var closed = await supervisor.MoveAsync(id, "follow-up", new { method = "Visit", outcome = "Satisfied", note = "满意" });

        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        Assert.Null(closed["followUps"]!.AsArray()[0]!["phoneCalled"]);
    }

    [Fact]
    public async Task HandOver_OwnerToSupervisor_ChangesOwnerAndMineThenTheClerkMayNotHandItOn()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync();
        var detail = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        Assert.Equal("王小丽", detail["ownerName"]!.GetValue<string>());
        Assert.Contains(detail["allowedMoves"]!.AsArray(), m => m!["move"]!.GetValue<string>() == "HandOver");
        var staff = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}/staff"), HttpStatusCode.OK);
        var supervisorId = staff.AsArray().Single(s => s!["displayName"]!.GetValue<string>() == "李主管")!["id"]!.GetValue<string>();
        Assert.DoesNotContain(staff.AsArray(), s => s!["displayName"]!.GetValue<string>() is "赵专员" or "陈经理");
        Assert.Contains(await MineAsync(clerk), i => i == id);

        var handed = await clerk.MoveAsync(id, "hand-over", new { toUserId = supervisorId, reason = "本人调岗" });

        Assert.Equal(supervisorId, handed["ownerId"]!.GetValue<string>());
        Assert.Equal("HandedOver", handed["timeline"]!.AsArray()[^1]!["kind"]!.GetValue<string>());
        Assert.DoesNotContain(await MineAsync(clerk), i => i == id);
        Assert.Contains(await MineAsync(supervisor), i => i == id);
        var problem = await clerk.MoveAsync(id, "hand-over", new { toUserId = supervisorId, reason = "再转" }, HttpStatusCode.Conflict);
        Assert.Equal("owner.not-the-owner", problem["ruleCode"]!.GetValue<string>());
        Assert.Equal("只有首问负责人（李主管）或客服主管可以转交该投诉。", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandOver_ToStaffOfAnotherProjectOrWithoutReason_Answers400()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        var clerk2 = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk2").Select(u => u.Id).SingleAsync());

        var outside = await clerk.MoveAsync(id, "hand-over", new { toUserId = clerk2, reason = "交接" }, HttpStatusCode.BadRequest);
        var noReason = await clerk.MoveAsync(id, "hand-over", new { toUserId = clerk2 }, HttpStatusCode.BadRequest);

        Assert.Equal("请选择该项目在岗的客服专员或客服主管。", outside["errors"]!["toUserId"]![0]!.GetValue<string>());
        Assert.Equal("请填写转交原因。", noReason["errors"]!["reason"]![0]!.GetValue<string>());
        Assert.Equal("王小丽", (await fixture.App.WithDbAsync(db => db.Complaints.SingleAsync(c => c.Id == id))).OwnerName);
    }

    [Fact]
    public async Task Staff_ComplaintOfAnotherProject_Answers404()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var clerk2 = await fixture.ClientAsync("clerk2");
        var id = await clerk.RegisterAsync();

        await ApiTestClient.ProblemAsync(await clerk2.GetAsync($"/api/v1/complaints/{id}/staff"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_DueSoonOnly_ListsWhatFallsDueWithinADayAndNotTheFollowUpsDaysAway()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var waiting = await clerk.RegisterAsync();
        var resolved = await clerk.RegisterAsync();
        await clerk.MoveAsync(resolved, "dispatch", new { departmentId = 2 });
        await clerk.MoveAsync(resolved, "resolve", new { note = "已处理" });

        var soon = (await ApiTestClient.JsonAsync(await clerk.GetAsync("/api/v1/complaints?dueSoonOnly=true&pageSize=100"), HttpStatusCode.OK))["items"]!
            .AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();

        // Dispatch is due within the hour; the follow-up of the resolved one is three days away.
        Assert.Contains(waiting, soon);
        Assert.DoesNotContain(resolved, soon);
    }

    private static async Task<List<long>> MineAsync(ApiTestClient client) =>
        (await ApiTestClient.JsonAsync(await client.GetAsync("/api/v1/complaints?mine=true&pageSize=100"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(i => i!["id"]!.GetValue<long>()).ToList();

    [Fact]
    public async Task FollowUp_ByTheResolver_Answers409WithTheRuleAndNothingSaved()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        var resolved = await clerk.MoveAsync(id, "resolve", new { note = "已处理" });
        Assert.DoesNotContain(resolved["allowedMoves"]!.AsArray(), m => m!["move"]!.GetValue<string>() == "RecordFollowUp");
        Assert.Equal("按回访规则，回访不能由处理完成该投诉的人记录，请由其他同事回访。", resolved["followUpRefusal"]!.GetValue<string>());

        var problem = await clerk.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied" }, HttpStatusCode.Conflict);

        Assert.Equal("follow-up.by-resolver", problem["ruleCode"]!.GetValue<string>());
        Assert.Equal("按回访规则，回访不能由处理完成该投诉的人记录，请由其他同事回访。", problem["detail"]!.GetValue<string>());
        var stored = await fixture.App.WithDbAsync(db => db.Complaints.Include(c => c.FollowUps).SingleAsync(c => c.Id == id));
        Assert.Equal(ComplaintStatus.Resolved, stored.Status);
        Assert.Empty(stored.FollowUps);
    }

    [Fact]
    public async Task FollowUp_ImportantByAClerk_Answers409SeniorRequired()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync(b => b["companyAtFault"] = true);
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        await supervisor.MoveAsync(id, "resolve", new { note = "已道歉并整改" });

        var problem = await clerk.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied" }, HttpStatusCode.Conflict);

        Assert.Equal("follow-up.senior-required", problem["ruleCode"]!.GetValue<string>());
        Assert.Equal("按回访规则，重要投诉须由客服主管或经理回访。", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task FollowUp_PhoneWithNumberAndTime_KeepsThemInTheDetail()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync();
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        await clerk.MoveAsync(id, "resolve", new { note = "已处理" });
        var calledAt = fixture.App.Clock.GetUtcNow();

        var detail = await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Unreachable", phoneCalled = "010-62345678", attemptedAt = calledAt });

        var followUp = detail["followUps"]!.AsArray()[^1]!;
        Assert.Equal("010-62345678", followUp["phoneCalled"]!.GetValue<string>());
        Assert.Equal(calledAt.UtcDateTime, followUp["attemptedAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Contains("拨打 010****5678", detail["timeline"]!.AsArray()[^1]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", null, 400, "phoneCalled")]
    [InlineData(null, 600, 400, null)]
    public async Task FollowUp_BadNumberOrFutureTime_Answers400(string? phone, int? minutesAhead, int status, string? field)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync();
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        await clerk.MoveAsync(id, "resolve", new { note = "已处理" });
        DateTimeOffset? at = minutesAhead is { } m ? fixture.App.Clock.GetUtcNow().AddMinutes(m) : null;

        var problem = await supervisor.MoveAsync(id, "follow-up", new { method = "Phone", outcome = "Satisfied", phoneCalled = phone, attemptedAt = at }, (HttpStatusCode)status);

        if (field is null)
        {
            Assert.Equal("follow-up.attempt-time", problem["ruleCode"]!.GetValue<string>());
            Assert.Equal("回访时间不能晚于现在。", problem["detail"]!.GetValue<string>());
        }
        else
        {
            Assert.StartsWith("拨打号码无效", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(ComplaintStatus.Resolved, (await fixture.App.WithDbAsync(db => db.Complaints.SingleAsync(c => c.Id == id))).Status);
    }

    [Fact]
    public async Task Move_NotAllowedInStatus_Answers409WithRuleCode()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        var problem = await clerk.MoveAsync(id, "resolve", new { note = "x" }, HttpStatusCode.Conflict);

        Assert.Equal("lifecycle.move-not-allowed-in-status", problem["ruleCode"]!.GetValue<string>());
        Assert.Contains("待派单", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_ClerkCallsSupervisorMove_Answers409RoleNotAllowed()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        var problem = await clerk.MoveAsync(id, "withdraw", new { reason = "Duplicate", note = "重复" }, HttpStatusCode.Conflict);

        Assert.Equal("lifecycle.role-not-allowed", problem["ruleCode"]!.GetValue<string>());
        var status = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        Assert.Equal("Registered", status["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_CloseUnreachableTooEarly_Answers409AttemptsTooFew()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var id = await clerk.RegisterAsync();
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });
        await clerk.MoveAsync(id, "resolve", new { note = "已处理" });

        var problem = await supervisor.MoveAsync(id, "close-unreachable", new { note = "联系不上" }, HttpStatusCode.Conflict);

        Assert.Equal("follow-up.attempts-too-few", problem["ruleCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_ManagerHasNoDeskRole_Answers403()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var manager = await fixture.ClientAsync("manager");
        var id = await clerk.RegisterAsync();

        var response = await manager.PostJsonAsync($"/api/v1/complaints/{id}/dispatch", new { departmentId = 2 });

        await ApiTestClient.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnyEndpoint_Admin_Answers403()
    {
        using var admin = await fixture.ClientAsync("admin");

        await ApiTestClient.ProblemAsync(await admin.GetAsync("/api/v1/complaints"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Move_StaleExpectedVersion_Answers409ConcurrencyAndChangesNothing()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        var version = (await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK))["version"]!.GetValue<int>();
        var dispatched = await clerk.PostJsonAsync($"/api/v1/complaints/{id}/dispatch?expectedVersion={version}", new { departmentId = 2 });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);

        var stale = await clerk.PostJsonAsync($"/api/v1/complaints/{id}/progress?expectedVersion={version}", new { note = "旧页面提交" });

        var problem = await ApiTestClient.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("concurrency.changed", problem["ruleCode"]!.GetValue<string>());
        var timeline = await fixture.App.WithDbAsync(db => db.TimelineEntries.CountAsync(t => t.ComplaintId == id));
        Assert.Equal(2, timeline);
    }

    [Fact]
    public async Task Move_StaleIfMatch_Answers409AndCurrentIfMatchSucceeds()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        var first = await clerk.GetAsync($"/api/v1/complaints/{id}");
        var etag = first.Headers.ETag!.Tag;

        using var dispatch = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{id}/dispatch") { Content = JsonContent(new { departmentId = 2 }) };
        dispatch.Headers.TryAddWithoutValidation("If-Match", etag);
        var dispatched = await clerk.Http.SendAsync(dispatch);
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{id}/progress") { Content = JsonContent(new { note = "x" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var problem = await ApiTestClient.ProblemAsync(await clerk.Http.SendAsync(stale), HttpStatusCode.Conflict);
        Assert.Equal("concurrency.changed", problem["ruleCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_HoldWithoutReason_Answers400WithRuleCode()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        await clerk.MoveAsync(id, "dispatch", new { departmentId = 2 });

        var problem = await clerk.MoveAsync(id, "hold", new { }, HttpStatusCode.BadRequest);

        Assert.Equal("lifecycle.reason-required", problem["ruleCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_DispatchWithoutDepartment_Answers400FieldError()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        var problem = await clerk.MoveAsync(id, "dispatch", new { }, HttpStatusCode.BadRequest);

        Assert.Equal("请选择责任部门。", problem["errors"]!["departmentId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Complaint_OfAnotherProject_Answers404ForReadMoveAndAttachments()
    {
        using var clerk2 = await fixture.ClientAsync("clerk2");
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk2.RegisterAsync(projectId: 3);

        await ApiTestClient.ProblemAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.NotFound);
        await ApiTestClient.ProblemAsync(await clerk.PostJsonAsync($"/api/v1/complaints/{id}/dispatch", new { departmentId = 2 }), HttpStatusCode.NotFound);
        await ApiTestClient.ProblemAsync(await clerk.GetAsync($"/api/v1/complaints/{id}/attachments"), HttpStatusCode.NotFound);
        var status = await ApiTestClient.JsonAsync(await clerk2.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        Assert.Equal("Registered", status["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_ForAnotherProject_Answers400OnProjectId()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var response = await clerk.PostRawAsync("/api/v1/complaints", ApiTestClient.Registration(projectId: 3).ToJsonString());

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["projectId"]);
    }

    [Fact]
    public async Task Detail_UnknownId_Answers404()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        await ApiTestClient.ProblemAsync(await clerk.GetAsync("/api/v1/complaints/987654321"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"complainantName\": ")] // broken JSON
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    public async Task Register_MalformedJson_Answers400AndStoresNothing(string body)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var before = await CountAsync();

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", body), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["detail"]);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("projectId", "\"abc\"", "projectId")]
    [InlineData("companyAtFault", "\"yes\"", "companyAtFault")]
    [InlineData("cause", "\"Earthquake\"", "cause")]
    [InlineData("cause", "0", "cause")]
    [InlineData("channel", "\"phone call\"", "channel")]
    [InlineData("complainantCount", "1e30", "complainantCount")]
    [InlineData("complainantCount", "-3", "complainantCount")]
    [InlineData("timesRaisedUnresolved", "0", "timesRaisedUnresolved")]
    [InlineData("companyAtFault", "1", "companyAtFault")]
    [InlineData("cause", "null", "cause")]
    [InlineData("phone", "\"call me\"", "phone")]
    public async Task Register_BadField_Answers400NamingTheField(string field, string json, string errorField)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var body = ApiTestClient.Registration();
        body[field] = JsonNode.Parse(json);
        var before = await CountAsync();

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", body.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![errorField]);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("138123")]
    [InlineData("+852 123")]
    public async Task Register_NotAPhoneNumber_Answers400WithTheChineseMessage(string phone)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var body = ApiTestClient.Registration(b => b["phone"] = phone);
        var before = await CountAsync();

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", body.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.Equal(PhoneNumber.InvalidMessage, problem["errors"]!["phone"]![0]!.GetValue<string>());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_MissingFields_AnswersChineseMessagesPerField()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", "{}"), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!;
        Assert.Equal("请填写投诉人。", errors["complainantName"]![0]!.GetValue<string>());
        Assert.Equal("请选择投诉原因。", errors["cause"]![0]!.GetValue<string>());
        Assert.Equal("请选择物业项目。", errors["projectId"]![0]!.GetValue<string>());
        Assert.Equal("输入有误", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_ContentTooLong_Answers400()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var body = ApiTestClient.Registration(b => b["content"] = new string('漏', 4001));

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", body.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.Equal("投诉内容不能超过 4000 个字。", problem["errors"]!["content"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_BodyOver64KB_Answers413AndStoresNothing()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var body = ApiTestClient.Registration(b => b["content"] = new string('x', 70_000));
        var before = await CountAsync();

        await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", body.ToJsonString()), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_WrongContentType_Answers415Problem()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        await ApiTestClient.ProblemAsync(
            await clerk.PostRawAsync("/api/v1/complaints", ApiTestClient.Registration().ToJsonString(), "text/plain"), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Register_SameIdempotencyKeyTwice_CreatesOneComplaintAndAnswersTheSameBody()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var key = Guid.NewGuid().ToString("N");

        var first = await PostWithKeyAsync(clerk, key, ApiTestClient.Registration());
        var second = await PostWithKeyAsync(clerk, key, ApiTestClient.Registration());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var id = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.IdempotencyKeys.CountAsync(k => k.Key == key)));
        Assert.Equal(id, await fixture.App.WithDbAsync(db => db.IdempotencyKeys.Where(k => k.Key == key).Select(k => k.ComplaintId).SingleAsync()));
    }

    [Fact]
    public async Task Register_SameKeyInParallel_CreatesExactlyOneComplaint()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var key = Guid.NewGuid().ToString("N");
        var marker = "并发" + key;
        var before = await CountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => PostWithKeyAsync(clerk, key, ApiTestClient.Registration(b => b["content"] = marker))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(before + 1, await CountAsync());
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.Complaints.CountAsync(c => c.Content == marker)));
    }

    [Fact]
    public async Task Register_SameKeyDifferentBody_Answers409AndStoresNothingNew()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var key = Guid.NewGuid().ToString("N");
        await PostWithKeyAsync(clerk, key, ApiTestClient.Registration());
        var before = await CountAsync();

        var response = await PostWithKeyAsync(clerk, key, ApiTestClient.Registration(b => b["content"] = "另一件事"));

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("idempotency.key-reused", problem["ruleCode"]!.GetValue<string>());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_SameKeyOtherUser_CreatesTheirOwnComplaint()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");
        var key = Guid.NewGuid().ToString("N");

        var first = await ApiTestClient.JsonAsync(await PostWithKeyAsync(clerk, key, ApiTestClient.Registration()), HttpStatusCode.Created);
        var second = await ApiTestClient.JsonAsync(await PostWithKeyAsync(supervisor, key, ApiTestClient.Registration()), HttpStatusCode.Created);

        Assert.NotEqual(first["id"]!.GetValue<long>(), second["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("é")]
    public async Task Register_BadIdempotencyKey_Answers400(string key)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent(ApiTestClient.Registration()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var problem = await ApiTestClient.ProblemAsync(await clerk.Http.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["idempotencyKey"]);
    }

    [Fact]
    public async Task List_KeywordAndCursor_PagesThroughAllMatches()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var marker = "分页" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await clerk.RegisterAsync(b => b["content"] = $"{marker} 第{i}件"));
        }

        var first = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints?keyword={Uri.EscapeDataString(marker)}&pageSize=2"), HttpStatusCode.OK);
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await ApiTestClient.JsonAsync(
            await clerk.GetAsync($"/api/v1/complaints?keyword={Uri.EscapeDataString(marker)}&pageSize=2&cursor={Uri.EscapeDataString(cursor)}"), HttpStatusCode.OK);

        var seen = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.OrderByDescending(i => i), seen);
        Assert.Null(second["nextCursor"]);
        Assert.Equal("138****1234", first["items"]![0]!["phoneMasked"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_StatusAndProjectFilters_ReturnOnlyMatches()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var marker = "筛选" + Guid.NewGuid().ToString("N")[..8];
        var registered = await clerk.RegisterAsync(b => b["content"] = marker);
        var dispatched = await clerk.RegisterAsync(b => b["content"] = marker, projectId: 2);
        await clerk.MoveAsync(dispatched, "dispatch", new { departmentId = 2 });

        var inProgress = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints?keyword={marker}&status=InProgress"), HttpStatusCode.OK);
        var project1 = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints?keyword={marker}&projectId=1&sort=Oldest"), HttpStatusCode.OK);

        Assert.Equal(new[] { dispatched }, inProgress["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        Assert.Equal(new[] { registered }, project1["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task List_OtherProjectsComplaints_AreNotListed()
    {
        using var clerk2 = await fixture.ClientAsync("clerk2");
        using var clerk = await fixture.ClientAsync("clerk");
        var marker = "他项目" + Guid.NewGuid().ToString("N")[..8];
        await clerk2.RegisterAsync(b => b["content"] = marker, projectId: 3);

        var list = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints?keyword={marker}"), HttpStatusCode.OK);

        Assert.Empty(list["items"]!.AsArray());
    }

    [Theory]
    [InlineData("cursor=nonsense", "cursor")]
    [InlineData("cursor=YzE6MDotNQ", "cursor")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("status=Bogus", "status")]
    [InlineData("status=99", "status")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=2026-13-45", "from")]
    [InlineData("from=2026-11-20&to=2026-11-01", "to")]
    [InlineData("projectId=-1", "projectId")]
    [InlineData("overdueOnly=maybe", "overdueOnly")]
    [InlineData("dueSoonOnly=maybe", "dueSoonOnly")]
    public async Task List_BadQuery_Answers400NamingTheParameter(string query, string field)
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var problem = await ApiTestClient.ProblemAsync(await clerk.GetAsync($"/api/v1/complaints?{query}"), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task MasterData_Clerk_SeesOwnProjectsAllDepartmentsAndTopics()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var manager = await fixture.ClientAsync("manager");

        var projects = await ApiTestClient.JsonAsync(await clerk.GetAsync("/api/v1/projects"), HttpStatusCode.OK);
        var all = await ApiTestClient.JsonAsync(await manager.GetAsync("/api/v1/projects"), HttpStatusCode.OK);
        var departments = await ApiTestClient.JsonAsync(await clerk.GetAsync("/api/v1/departments"), HttpStatusCode.OK);
        var topics = await ApiTestClient.JsonAsync(await clerk.GetAsync("/api/v1/topics"), HttpStatusCode.OK);

        Assert.Equal(new[] { "阳光花园", "翠湖湾" }, projects.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(3, all.AsArray().Count);
        Assert.Equal(5, departments.AsArray().Count);
        Assert.Contains(departments.AsArray(), d => d!["name"]!.GetValue<string>() == "工程部");
        Assert.Equal(13, topics.AsArray().Count);
        Assert.All(topics.AsArray(), t => Assert.NotNull(t!["defaultDepartmentId"]));
    }

    [Fact]
    public async Task KnownPathWrongMethod_Answers405Problem()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var response = await clerk.GetAsync("/api/v1/complaints/1/dispatch");

        await ApiTestClient.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task UnknownApiPath_Answers404Problem()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        await ApiTestClient.ProblemAsync(await clerk.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostWithKeyAsync(ApiTestClient client, string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.Http.SendAsync(request);
    }

    private Task<int> CountAsync() => fixture.App.WithDbAsync(db => db.Complaints.CountAsync());
}
