using System.Net;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Complaints;

/// <summary>政府转办 on the pages: recorded at registration or on the details page, its moves, the close rule, search and print.</summary>
public sealed class ReferralPageTests : IAsyncLifetime
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

    /// <summary>09:30 北京时间 on the test day (the clock starts at 10:00).</summary>
    private static readonly DateTime _received = new(2026, 11, 16, 1, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Create_WithReferral_StoresItWithTheSourcesDefaultDeadlines_ShownOnDetailsAndPrint()
    {
        var id = await RegisterReferredAsync("GD20261116000123");

        var complaint = await Desk.LoadAsync(_app, id);
        var referral = complaint.Referral!;
        Assert.Equal((1, "12345 热线", "GD20261116000123"), (referral.SourceId, referral.SourceName, referral.TicketNumber));
        Assert.Equal(_received, referral.ReceivedAt);
        Assert.Equal(_received.AddHours(2), referral.SignForDue);
        Assert.Equal(_received.AddHours(24), referral.FirstFeedbackDue);
        Assert.Equal(_received.AddDays(5), referral.CompletionDue);
        Assert.Contains(complaint.Timeline, t => t.Kind == TimelineKind.ReferralRecorded && t.Detail!.Contains("GD20261116000123", StringComparison.Ordinal));

        var html = await _clerk.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("id=\"referral-ticket\">GD20261116000123</dd>", html);
        Assert.Contains("id=\"referral-state\">待签收</dd>", html);
        Assert.Contains("转办签收", html);
        Assert.Contains("id=\"referral-move-SignFor\"", html);
        Assert.DoesNotContain("id=\"referral-move-Record\"", html);
        var print = await _clerk.GetPageAsync($"/Complaints/{id}/Print");
        Assert.Contains("id=\"print-referral\"", print);
        Assert.Contains("GD20261116000123", print);
    }

    [Fact]
    public async Task Create_WithReferralWhoseDeadlineIsEarlier_ResolutionDueIsTheReferrals()
    {
        var id = await RegisterReferredAsync("GD-EARLY-1", ("Referral.CompletionDue", "2026-11-16T15:00"));

        var complaint = await Desk.LoadAsync(_app, id);

        Assert.Equal(new DateTime(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc), complaint.ResolutionDue);
    }

    [Fact]
    public async Task Search_ByTicketNumber_FindsTheComplaint()
    {
        var id = await RegisterReferredAsync("GD20261116000777");
        var other = await Desk.RegisterAsync(_clerk, ("Phone", "13900002222"), ("Location", "9栋101"));

        var html = await _clerk.GetPageAsync("/Complaints?q=GD20261116000777");

        Assert.Contains($"href=\"/Complaints/{id}\"", html);
        Assert.DoesNotContain($"href=\"/Complaints/{other}\"", html);
    }

    [Fact]
    public async Task Create_TicketAlreadyRegisteredForTheSource_RefusedBesideTheFieldAndNothingSaved()
    {
        var first = await RegisterReferredAsync("GD-DUP-1");
        var number = (await Desk.LoadAsync(_app, first)).Number;
        var count = await Desk.CountAsync(_app);

        var response = await _clerk.PostFormAsync("/Complaints/Create", ReferredIntake("GD-DUP-1", ("Input.Phone", "13900001111"), ("Input.Location", "5栋101")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.True(html.Contains($"12345 热线工单号 GD-DUP-1 已登记在投诉 {number}，请勿重复登记。", StringComparison.Ordinal), html);
        Assert.Equal(count, await Desk.CountAsync(_app));
    }

    [Theory]
    [InlineData("Referral.ReceivedAt", "昨天上午", "接收时间格式不对，请按 年-月-日 时:分 填写。")]
    [InlineData("Referral.CompletionDue", "2026-11-16T08:00", "办结时限必须晚于转办接收时间。")]
    [InlineData("Referral.ReceivedAt", "2026-11-17T09:30", "转办接收时间不能晚于现在。")]
    [InlineData("Referral.TicketNumber", "", "请填写转办工单号。")]
    public async Task Create_BadReferral_RefusedInChineseAndNothingSaved(string field, string value, string message)
    {
        var count = await Desk.CountAsync(_app);
        var fields = ReferredIntake("GD-BAD-1");
        fields[field] = value;

        var response = await _clerk.PostFormAsync("/Complaints/Create", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(count, await Desk.CountAsync(_app));
    }

    [Fact]
    public async Task Create_TimesWithoutSource_Refused()
    {
        var fields = Desk.Intake();
        fields["Referral.ReceivedAt"] = "2026-11-16T09:30";

        var response = await _clerk.PostFormAsync("/Complaints/Create", fields);

        Assert.Contains("填写了转办时间，请选择转办来源并填写转办工单号", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_WithoutReferral_NoReferral()
    {
        var id = await Desk.RegisterAsync(_clerk);

        Assert.Null((await Desk.LoadAsync(_app, id)).Referral);
        Assert.Contains("id=\"referral-move-Record\"", await _clerk.GetPageAsync($"/Complaints/{id}"));
    }

    [Fact]
    public async Task Record_OnDetailsPage_StoresTheReferralAndTheTicketFindsIt()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var response = await PostAsync(id, "Record", new()
        {
            ["Record.SourceId"] = "3",
            ["Record.TicketNumber"] = "JD-2026-0456",
            ["Record.ReceivedAt"] = "2026-11-16T08:00",
            ["Record.SignedForAt"] = "2026-11-16T08:10",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var referral = (await Desk.LoadAsync(_app, id)).Referral!;
        Assert.Equal(("街道/社区", "JD-2026-0456"), (referral.SourceName, referral.TicketNumber));
        Assert.Equal(new DateTime(2026, 11, 16, 0, 10, 0, DateTimeKind.Utc), referral.SignedForAt);
        Assert.Equal(new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc).AddDays(7), referral.CompletionDue);
        // The list marks matches inside the number, so the row is found by its link.
        Assert.Contains($"href=\"/Complaints/{id}\"", await _clerk.GetPageAsync("/Complaints?q=JD-2026-0456"));
    }

    [Fact]
    public async Task Lifecycle_SignForFeedbackResolve_FollowUpRefusedWithoutReply_ThenReplyAndClose()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var id = await RegisterReferredAsync("GD-FLOW-1");
        await OkAsync(id, "SignFor", new() { ["SignFor.At"] = "2026-11-16T09:50" });
        await OkAsync(id, "FirstFeedback", new() { ["FirstFeedback.Text"] = "已联系业主，今天下午上门" });
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已更换电梯门机" });

        var refused = await Desk.MoveAsync(supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("须先录入办结反馈，才能结案。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ComplaintStatus.Resolved, (await Desk.LoadAsync(_app, id)).Status);

        await OkAsync(id, "Reply", new() { ["Reply.Text"] = "已更换电梯门机，业主确认恢复正常。" });
        await Desk.MoveOkAsync(supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });
        await OkAsync(id, "RecordSatisfaction", new() { ["RecordSatisfaction.Satisfaction"] = "BasicallySatisfied" });

        var complaint = await Desk.LoadAsync(_app, id);
        var referral = complaint.Referral!;
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(new DateTime(2026, 11, 16, 1, 50, 0, DateTimeKind.Utc), referral.SignedForAt);
        Assert.Equal("已联系业主，今天下午上门", referral.FirstFeedbackNote);
        Assert.Equal(("已更换电梯门机，业主确认恢复正常。", "王小丽"), (referral.ReplyText, referral.ReplyByName));
        Assert.Equal(ReferralSatisfaction.BasicallySatisfied, referral.Satisfaction);
        Assert.Equal(FollowUpOutcome.Satisfied, complaint.LastFollowUpOutcome);
        var html = await _clerk.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("id=\"referral-state\">已办结反馈</dd>", html);
        Assert.Contains("已更换电梯门机，业主确认恢复正常。", html);
        Assert.Contains("基本满意", html);
    }

    [Fact]
    public async Task Reply_WithoutText_ShownAgainWithTheMessage_NothingSaved()
    {
        var id = await RegisterReferredAsync("GD-EMPTY-1");
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });

        var response = await PostAsync(id, "Reply", new() { ["Reply.Text"] = " ", ["Reply.At"] = "2026-11-16T09:55" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("办结反馈未保存：请填写办结反馈内容。", html);
        Assert.Contains("value=\"2026-11-16T09:55\"", html);
        Assert.Null((await Desk.LoadAsync(_app, id)).Referral!.ReplySentAt);
    }

    [Fact]
    public async Task Extension_RequestedByClerk_DecidedBySupervisor_MovesTheDeadline()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var id = await RegisterReferredAsync("GD-EXT-1");

        await OkAsync(id, "RequestExtension", new() { ["RequestExtension.Reason"] = "需开发商更换配件", ["RequestExtension.CompletionDue"] = "2026-11-28T18:00" });
        Assert.DoesNotContain("id=\"referral-move-DecideRequest\"", await _clerk.GetPageAsync($"/Complaints/{id}"));
        var byClerk = await PostAsync(id, "DecideRequest", new() { ["DecideRequest.Approved"] = "true" });
        Assert.Contains("只有客服主管可以记录申请结果。", await byClerk.Content.ReadAsStringAsync());
        await OkAsync(id, "DecideRequest", new() { ["DecideRequest.Approved"] = "true", ["DecideRequest.Note"] = "平台已同意" }, supervisor);

        var referral = (await Desk.LoadAsync(_app, id)).Referral!;
        Assert.Equal(new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc), referral.CompletionDue);
        Assert.Equal((1, 1), (referral.ExtensionsRequested, referral.ExtensionsApproved));
        Assert.Contains("（已延期 1 次）", await _clerk.GetPageAsync($"/Complaints/{id}"));
    }

    [Fact]
    public async Task Return_Approved_ComplaintClosesWithoutReply()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var id = await RegisterReferredAsync("GD-RET-1");
        await OkAsync(id, "RequestReturn", new() { ["RequestReturn.Reason"] = "地址不属于本项目管辖" });
        await OkAsync(id, "DecideRequest", new() { ["DecideRequest.Approved"] = "true" }, supervisor);
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已向业主解释" });

        await Desk.MoveOkAsync(supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });

        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.False(complaint.Referral!.IsActive);
    }

    [Fact]
    public async Task Referral_ManagerMayReadButNotAct_OtherProjectsClerkGets404()
    {
        using var manager = await _app.SignInAsync("manager");
        using var clerk2 = await _app.SignInAsync("clerk2");
        var id = await RegisterReferredAsync("GD-SEC-1");

        Assert.Contains("GD-SEC-1", await manager.GetPageAsync($"/Complaints/{id}/Referral"));
        var forbidden = await manager.PostFormAsync($"/Complaints/{id}/Referral?handler=SignFor", new() { ["Version"] = "1" }, $"/Complaints/{id}/Referral");
        Assert.Contains("AccessDenied", forbidden.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
        Assert.Null((await Desk.LoadAsync(_app, id)).Referral!.SignedForAt);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Complaints/{id}/Referral")).StatusCode);
    }

    private Dictionary<string, string?> ReferredIntake(string ticket, params (string Field, string? Value)[] overrides)
    {
        var fields = Desk.Intake(("Channel", "GovernmentHotline"));
        fields["Referral.SourceId"] = "1";
        fields["Referral.TicketNumber"] = ticket;
        fields["Referral.ReceivedAt"] = "2026-11-16T09:30";
        foreach (var (field, value) in overrides)
        {
            fields[field] = value;
        }

        return fields;
    }

    private async Task<long> RegisterReferredAsync(string ticket, params (string Field, string? Value)[] overrides)
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", ReferredIntake(ticket, overrides));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Desk.IdOf(response);
    }

    private async Task<HttpResponseMessage> PostAsync(long id, string handler, Dictionary<string, string?> fields, DeskClient? client = null)
    {
        client ??= _clerk;
        var details = $"/Complaints/{id}";
        var form = new Dictionary<string, string?>(fields) { ["Version"] = Desk.VersionOn(await client.GetPageAsync(details)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return await client.PostFormAsync($"/Complaints/{id}/Referral?handler={handler}", form, details);
    }

    private async Task OkAsync(long id, string handler, Dictionary<string, string?> fields, DeskClient? client = null)
    {
        var response = await PostAsync(id, handler, fields, client);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
