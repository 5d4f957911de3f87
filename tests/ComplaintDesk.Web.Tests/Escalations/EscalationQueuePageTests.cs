using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>The escalation queue page, its acknowledge form and the navigation count.</summary>
[Collection(EscalationKit.Collection)]
public sealed partial class EscalationQueuePageTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = EscalationKit.NewApp();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Queue_SupervisorAcknowledgesOverdueComplaint_RowLeavesQueueAndTimelineRecordsIt()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(name: "钱七", phone: "13322223333"));
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(29));
        await _app.RunClockAsync();
        var number = (await _app.ComplaintAsync(id)).Number;
        using var client = await _app.SignInAsync("supervisor");

        var html = await client.GetPageAsync("/Escalations");

        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("处理超时 5 小时（时限 24 小时）", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Complaints/{id}\"", html, StringComparison.Ordinal);
        var countBefore = NavCount(html);
        var events = await _app.EventsAsync(id);
        Assert.True(events.Count >= 2, "expected the overdue resolution and the level it caused");
        // One card for the complaint, every escalation listed in it.
        Assert.Equal(1, Regex.Count(html, $"id=\"escalation-complaint-{id}\""));
        foreach (var e in events)
        {
            Assert.Contains($"id=\"escalation-{e.Id}\"", html, StringComparison.Ordinal);
        }

        var response = await client.PostFormAsync(
            "/Escalations?handler=Acknowledge", new() { ["ComplaintId"] = id.ToString(CultureInfo.InvariantCulture), ["Note"] = "已催工程部今日修复" }, "/Escalations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(await _app.EventsAsync(id), e =>
        {
            Assert.NotNull(e.AcknowledgedAt);
            Assert.Equal("已催工程部今日修复", e.AcknowledgeNote);
        });
        var timeline = await _app.TimelineAsync(id);
        var entry = timeline[^1];
        Assert.Equal(TimelineKind.Acknowledged, entry.Kind);
        Assert.Equal("李主管", entry.ActorName);
        Assert.Single(timeline, t => t.Kind == TimelineKind.Acknowledged);
        var after = await client.GetPageAsync("/Escalations");
        Assert.DoesNotContain($"id=\"escalation-complaint-{id}\"", after, StringComparison.Ordinal);
        Assert.Equal(countBefore - 1, NavCount(after));
        Assert.Contains("已催工程部今日修复", await client.GetPageAsync("/Escalations?All=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_EmptyNote_ShowsChineseMessageAndSavesNothing()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(name: "孙八", phone: "13344445555"));
        _app.Advance(TimeSpan.FromMinutes(30));
        await _app.RunClockAsync();
        var eventId = (await _app.EventsAsync(id)).First().Id;
        using var client = await _app.SignInAsync("supervisor");

        var response = await client.PostFormAsync(
            "/Escalations?handler=Acknowledge", new() { ["ComplaintId"] = id.ToString(CultureInfo.InvariantCulture), ["Note"] = "  " }, "/Escalations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写确认说明", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await _app.EventsAsync(id)).Single(e => e.Id == eventId).AcknowledgedAt);
    }

    [Fact]
    public async Task Queue_Manager_SeesRowsReadOnlyAndCannotAcknowledge()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(name: "吴九", phone: "13366667777"));
        _app.Advance(TimeSpan.FromMinutes(30));
        await _app.RunClockAsync();
        var eventId = (await _app.EventsAsync(id)).First().Id;
        using var client = await _app.SignInAsync("manager");

        var html = await client.GetPageAsync("/Escalations");
        Assert.Contains($"id=\"escalation-{eventId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Acknowledge", html, StringComparison.Ordinal);

        var response = await client.PostFormAsync(
            "/Escalations?handler=Acknowledge", new() { ["ComplaintId"] = id.ToString(CultureInfo.InvariantCulture), ["Note"] = "经理确认" }, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null((await _app.EventsAsync(id)).Single(e => e.Id == eventId).AcknowledgedAt);
    }

    [Fact]
    public async Task Queue_OtherProjectsEscalation_HiddenFromSupervisorAndCountedForManagerAtLevel2()
    {
        var other = await _app.RegisterAsync(EscalationKit.Input(name: "郑十", phone: "13388889999", projectId: 3));
        _app.Advance(TimeSpan.FromMinutes(45));
        await _app.RunClockAsync();
        var number = (await _app.ComplaintAsync(other)).Number;
        // The badge counts complaints (one card each), not escalations.
        var inScope = await _app.WithDbAsync(db => db.EscalationEvents().Where(e => e.AcknowledgedAt == null && (e.ProjectId == 1 || e.ProjectId == 2))
            .Select(e => e.ComplaintId).Distinct().CountAsync());
        var levelTwo = await _app.WithDbAsync(db => db.EscalationEvents().Where(
            e => e.AcknowledgedAt == null && (e.Kind == EscalationKind.Level2 || e.Kind == EscalationKind.UpgradedToMajor))
            .Select(e => e.ComplaintId).Distinct().CountAsync());

        using var supervisor = await _app.SignInAsync("supervisor");
        var html = await supervisor.GetPageAsync("/Escalations");
        Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        Assert.Equal(inScope, NavCount(html));
        Assert.True(levelTwo > 0);

        using var manager = await _app.SignInAsync("manager");
        var managerHtml = await manager.GetPageAsync("/Escalations");
        Assert.Contains(number, managerHtml, StringComparison.Ordinal);
        Assert.Equal(levelTwo, NavCount(managerHtml));
    }

    [Fact]
    public async Task Queue_Clerk_IsTurnedAway()
    {
        using var client = await _app.SignInAsync("clerk");

        var response = await client.GetAsync("/Escalations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_SupervisorReclassifiesWithoutReason_ShowsMessageBesideField()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(name: "冯一", phone: "13300001111"));
        using var client = await _app.SignInAsync("supervisor");
        var url = $"/Escalations/Review/{id}";

        var response = await client.PostFormAsync($"{url}?handler=Reclassify", new()
        {
            ["Reclassify.Cause"] = "ManagementService",
            ["Reclassify.TimesRaisedUnresolved"] = "1",
            ["Reclassify.ComplainantCount"] = "1",
            ["Reclassify.Reason"] = string.Empty,
        }, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写重新分类原因", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await client.PostFormAsync($"{url}?handler=Reclassify", new()
        {
            ["Reclassify.Cause"] = "ManagementService",
            ["Reclassify.TimesRaisedUnresolved"] = "1",
            ["Reclassify.ComplainantCount"] = "1",
            ["Reclassify.CompanyAtFault"] = "true",
            ["Reclassify.Reason"] = "核实为员工未按时上门",
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(Domain.Classification.Severity.Important, (await _app.ComplaintAsync(id)).Severity);
    }

    [Fact]
    public async Task Review_ReclassifyForm_IsTheDetailsPagesFormWithItsLiveResult_AndDispatchIsOffered()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(name: "冯二", phone: "13300002222"));
        using var client = await _app.SignInAsync("supervisor");
        var url = $"/Escalations/Review/{id}";

        var html = await client.GetPageAsync(url);

        // The same questions and words as registration and the details page (one partial), and the live result's panel.
        Assert.Contains("是否公司人为过失", html, StringComparison.Ordinal);
        Assert.DoesNotContain("公司有人为过失", html, StringComparison.Ordinal);
        Assert.Contains($"data-classify-url=\"/Complaints/{id}?handler=Classify\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reclassify-panel\"", html, StringComparison.Ordinal);
        // Not yet dispatched: the review page dispatches it too.
        Assert.Contains("id=\"review-dispatch\"", html, StringComparison.Ordinal);

        var dispatched = await client.PostFormAsync($"{url}?handler=Dispatch", new()
        {
            ["Dispatch.DepartmentId"] = "2",
            ["Dispatch.AssigneeName"] = "李师傅",
        }, url);

        Assert.Equal(HttpStatusCode.Redirect, dispatched.StatusCode);
        var complaint = await _app.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Equal(2, complaint.DepartmentId);
        Assert.DoesNotContain("id=\"review-dispatch\"", await client.GetPageAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyHandler_ShowsWhatReclassifyingWouldGive_AndChangesNothing()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(name: "冯三", phone: "13300003333"));
        var before = await _app.ComplaintAsync(id);
        using var client = await _app.SignInAsync("supervisor");

        var panel = await client.GetPageAsync(
            $"/Complaints/{id}?handler=Classify&Reclassify.Cause=ManagementService&Reclassify.TimesRaisedUnresolved=1&Reclassify.ComplainantCount=1" +
            "&Reclassify.GovernmentReferralWithSocialImpact=true");
        var incomplete = await client.GetPageAsync($"/Complaints/{id}?handler=Classify&Reclassify.TimesRaisedUnresolved=1&Reclassify.ComplainantCount=1");

        Assert.Contains("id=\"classification-severity\">重大", panel, StringComparison.Ordinal);
        Assert.Contains("3.1.2(d)", panel, StringComparison.Ordinal);
        Assert.Contains("classification-empty", incomplete, StringComparison.Ordinal);
        var after = await _app.ComplaintAsync(id);
        Assert.Equal(before.Severity, after.Severity);
        Assert.Equal(before.Version, after.Version);

        // Another project's complaint is not there for this supervisor's colleague on another project.
        using var clerk2 = await _app.SignInAsync("clerk2");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Complaints/{id}?handler=Classify&Reclassify.Cause=External")).StatusCode);
    }

    private static int NavCount(string html)
    {
        var match = CountPattern().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex("escalation-count\">(\\d+)<")]
    private static partial Regex CountPattern();
}
