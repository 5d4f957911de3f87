using System.Net;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Complaints;

/// <summary>The 回访 rules on the details page and the settings page (docs/decisions/0010-follow-up-rules.md).</summary>
public sealed class FollowUpRulesPageTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private DeskClient _clerk = null!;
    private DeskClient _supervisor = null!;

    public async Task InitializeAsync()
    {
        _clerk = await _app.SignInAsync("clerk");
        _supervisor = await _app.SignInAsync("supervisor");
    }

    public Task DisposeAsync()
    {
        _clerk.Dispose();
        _supervisor.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Details_Resolver_SeesWhyNoFollowUpFormAndAPostIsRefused()
    {
        var id = await ResolvedByTheClerkAsync();

        var html = await _clerk.GetPageAsync($"/Complaints/{id}");
        Assert.DoesNotContain("id=\"move-RecordFollowUp\"", html);
        Assert.Contains("id=\"followup-blocked\">按回访规则，回访不能由处理完成该投诉的人记录，请由其他同事回访。</p>", html);

        // The page offers no form to the resolver: post as a stale or hand-made form would.
        var version = (await Desk.LoadAsync(_app, id)).Version;
        var response = await Desk.MoveAsync(_clerk, id, "RecordFollowUp",
            new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" }, version, tokenPage: "/Complaints/Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("回访未保存：按回访规则，回访不能由处理完成该投诉的人记录，请由其他同事回访。", await response.Content.ReadAsStringAsync());
        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Empty(complaint.FollowUps);
    }

    [Fact]
    public async Task Details_ImportantComplaint_ClerkRefusedSupervisorRecords()
    {
        var id = await Desk.RegisterAsync(_clerk, ("CompanyAtFault", "true"));
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已道歉并整改" });

        Assert.Contains("id=\"followup-blocked\">按回访规则，重要投诉须由客服主管或经理回访。</p>", await _clerk.GetPageAsync($"/Complaints/{id}"));
        Assert.Contains("id=\"move-RecordFollowUp\"", await _supervisor.GetPageAsync($"/Complaints/{id}"));
        await Desk.MoveOkAsync(_supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Visit", ["RecordFollowUp.Outcome"] = "Satisfied" });
        Assert.Equal(ComplaintStatus.Closed, (await Desk.LoadAsync(_app, id)).Status);
    }

    [Fact]
    public async Task FollowUp_PhoneWithLocalTime_StoresNumberAndUtcAttemptAndListsThem()
    {
        var id = await ResolvedByTheClerkAsync();
        _app.Clock.Advance(TimeSpan.FromHours(3));
        var form = await _supervisor.GetPageAsync($"/Complaints/{id}");
        Assert.Matches("id=\"RecordFollowUp_PhoneCalled\"[^>]*value=\"13812341234\"", form);

        await Desk.MoveOkAsync(_supervisor, id, "RecordFollowUp", new()
        {
            ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Unreachable", ["RecordFollowUp.PhoneCalled"] = "139 0000 1111",
            ["FollowUpAttemptTime"] = "2026-11-16T11:30",
        });

        var followUp = Assert.Single((await Desk.LoadAsync(_app, id)).FollowUps);
        Assert.Equal("139 0000 1111", followUp.PhoneCalled);
        Assert.Equal(new DateTime(2026, 11, 16, 3, 30, 0, DateTimeKind.Utc), followUp.AttemptedAt);
        var html = await _supervisor.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("2026-11-16 11:30 李主管：电话回访，无法联系", html);
        Assert.Contains("（拨打 139 0000 1111）", html);
        Assert.Contains("电话回访：无法联系（拨打 139****1111）（第 1 次未联系上）", html);
    }

    [Theory]
    [InlineData("明天上午", "回访时间格式不对")]
    [InlineData("2026-11-17T09:00", "回访时间不能晚于现在。")]
    [InlineData("2026-11-15T09:00", "回访时间不能早于处理完成的时间。")]
    public async Task FollowUp_BadAttemptTime_ShowsMessageAndSavesNothing(string time, string message)
    {
        var id = await ResolvedByTheClerkAsync();

        var response = await Desk.MoveAsync(_supervisor, id, "RecordFollowUp", new()
        {
            ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied", ["FollowUpAttemptTime"] = time,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("id=\"move-RecordFollowUp\" open", html);
        Assert.Empty((await Desk.LoadAsync(_app, id)).FollowUps);
    }

    [Fact]
    public async Task CloseUnreachable_ThreeAttemptsOnOneDay_NotOfferedUntilThreeDays()
    {
        var id = await ResolvedByTheClerkAsync();
        for (var i = 0; i < 3; i++)
        {
            await UnreachableAsync(id);
        }

        var sameDay = await _supervisor.GetPageAsync($"/Complaints/{id}");
        Assert.DoesNotContain("id=\"move-CloseUnreachable\"", sameDay);

        // A new day is a new sign-in (the cookie lasts 10 hours).
        _app.Clock.Advance(TimeSpan.FromDays(1));
        _supervisor.Dispose();
        _supervisor = await _app.SignInAsync("supervisor");
        await UnreachableAsync(id);
        _app.Clock.Advance(TimeSpan.FromDays(1));
        _supervisor.Dispose();
        _supervisor = await _app.SignInAsync("supervisor");
        await UnreachableAsync(id);
        var html = await _supervisor.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("回访已 5 次未联系上投诉人（分布在 3 个不同日期）。", html);
        await Desk.MoveOkAsync(_supervisor, id, "CloseUnreachable", new() { ["CloseUnreachable.Note"] = "三天五次均未接通" });
        Assert.Equal(ComplaintStatus.Closed, (await Desk.LoadAsync(_app, id)).Status);
    }

    [Fact]
    public async Task Settings_RuleTurnedOff_ResolverMayFollowUp()
    {
        using var admin = await _app.SignInAsync("admin");
        var id = await ResolvedByTheClerkAsync();
        var settings = await _app.WithDbAsync(db => db.ProcedureSettings.AsNoTracking().SingleAsync());
        var page = await admin.GetPageAsync("/Admin/Settings");
        Assert.Matches("<input[^>]*(id=\"Input_FollowUpNotByResolver\"[^>]*checked|checked[^>]*id=\"Input_FollowUpNotByResolver\")", page);

        var saved = await admin.PostFormAsync("/Admin/Settings", SettingsForm(settings, ("Input.FollowUpNotByResolver", "false")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await _app.WithDbAsync(db => db.ProcedureSettings.AsNoTracking().SingleAsync());
        Assert.False(after.FollowUpNotByResolver);
        Assert.True(after.FollowUpSeniorForMajorAndImportant);
        Assert.True(after.FollowUpSecondAfterDissatisfied);
        Assert.True(after.FollowUpUnreachableOnDifferentDays);
        await Desk.MoveOkAsync(_clerk, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Visit", ["RecordFollowUp.Outcome"] = "Satisfied" });
        Assert.Equal(ComplaintStatus.Closed, (await Desk.LoadAsync(_app, id)).Status);
    }

    [Fact]
    public async Task SecondFollowUp_AfterDissatisfied_LabelledInTheTimeline()
    {
        var id = await ResolvedByTheClerkAsync();
        await Desk.MoveOkAsync(_supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Dissatisfied" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "再次维修" });
        Assert.Equal(ComplaintStatus.Resolved, (await Desk.LoadAsync(_app, id)).Status);

        await Desk.MoveOkAsync(_supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });

        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.StartsWith("二次电话回访：满意", complaint.Timeline.OrderBy(t => t.Id).Last().Detail, StringComparison.Ordinal);
    }

    private async Task<long> ResolvedByTheClerkAsync()
    {
        var id = await Desk.RegisterAsync(_clerk);
        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已更换门机" });
        return id;
    }

    private Task UnreachableAsync(long id) =>
        Desk.MoveOkAsync(_supervisor, id, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Unreachable" });

    private static Dictionary<string, string?> SettingsForm(ProcedureSettings current, params (string Field, string Value)[] changes)
    {
        var form = new Dictionary<string, string?>
        {
            ["Input.DispatchMinutes"] = current.DispatchMinutes.ToString(),
            ["Input.ResolutionMinorHours"] = current.ResolutionMinorHours.ToString(),
            ["Input.ResolutionImportantHours"] = current.ResolutionImportantHours.ToString(),
            ["Input.ResolutionMajorHours"] = current.ResolutionMajorHours.ToString(),
            ["Input.ResolutionBHours"] = current.ResolutionBHours.ToString(),
            ["Input.ResolutionCHours"] = current.ResolutionCHours.ToString(),
            ["Input.MajorProgressHours"] = current.MajorProgressHours.ToString(),
            ["Input.FollowUpHours"] = current.FollowUpHours.ToString(),
            ["Input.FollowUpAttemptsBeforeUnreachable"] = current.FollowUpAttemptsBeforeUnreachable.ToString(),
            ["Input.RaisesForMajor"] = current.RaisesForMajor.ToString(),
            ["Input.RepeatRaises"] = current.RepeatRaises.ToString(),
            ["Input.DaysUnresolvedForMajor"] = current.DaysUnresolvedForMajor.ToString(),
            ["Input.GroupComplainantCount"] = current.GroupComplainantCount.ToString(),
            ["Input.GroupWindowHours"] = current.GroupWindowHours.ToString(),
            ["Input.RepeatWindowDays"] = current.RepeatWindowDays.ToString(),
            ["Input.ClockIntervalSeconds"] = current.ClockIntervalSeconds.ToString(),
            ["Input.TimeZoneId"] = current.TimeZoneId,
            ["Input.FollowUpNotByResolver"] = "true",
            ["Input.FollowUpSeniorForMajorAndImportant"] = "true",
            ["Input.FollowUpSecondAfterDissatisfied"] = "true",
            ["Input.FollowUpUnreachableOnDifferentDays"] = "true",
            ["Input.Version"] = current.Version.ToString(),
        };
        foreach (var (field, value) in changes)
        {
            form[field] = value;
        }

        return form;
    }
}
