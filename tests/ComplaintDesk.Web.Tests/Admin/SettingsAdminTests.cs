using System.Net;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Pages.Admin.Settings;
using ComplaintDesk.Web.Tests.Escalations;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Admin;

public sealed class SettingsAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly DeskAppFactory _app = fixture.App;
    private readonly DeskClient _admin = fixture.Admin;

    [Fact]
    public async Task Get_Admin_ShowsCurrentSettings()
    {
        var settings = await SettingsAsync();

        var html = await _admin.GetPageAsync("/Admin/Settings");

        Assert.Matches($"id=\"Input_DispatchMinutes\"[^>]*value=\"{settings.DispatchMinutes}\"", html);
        Assert.Contains($"value=\"{settings.TimeZoneId}\"", html);
        Assert.Contains($"name=\"Input.Version\" value=\"{settings.Version}\"", html);
        Assert.Contains("<label class=\"form-label\" for=\"Input_TimeZoneId\">公司时区</label>", html);
    }

    [Fact]
    public async Task Save_ValidInput_StoresBumpsVersionAndPolicyTakesEffectAtOnce()
    {
        var before = await SettingsAsync();
        Assert.Equal(TimeSpan.FromMinutes(before.DispatchMinutes), (await PolicyAsync()).TimeLimits.Dispatch);
        var form = Form(before);
        form["Input.DispatchMinutes"] = "30";
        form["Input.ResolutionBHours"] = "480";
        form["Input.RaisesForMajor"] = "3";
        form["Input.RepeatRaises"] = "4";
        form["Input.GroupWindowHours"] = "48";
        form["Input.RepeatWindowDays"] = "14";
        form["Input.TimeZoneId"] = "Asia/Urumqi";

        var response = await _admin.PostFormAsync("/Admin/Settings", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await SettingsAsync();
        Assert.Equal((30, 480, 3, 48, "Asia/Urumqi", 1), (settings.DispatchMinutes, settings.ResolutionBHours, settings.RaisesForMajor, settings.GroupWindowHours, settings.TimeZoneId, settings.Version - before.Version));
        Assert.Equal(14, settings.RepeatWindowDays);
        var policy = await PolicyAsync();
        Assert.Equal(TimeSpan.FromMinutes(30), policy.TimeLimits.Dispatch);
        Assert.Equal((3, 4), (policy.Classification.RaisesForMajor, policy.Classification.RepeatRaises));
        Assert.Equal(TimeSpan.FromHours(48), policy.GroupWindow);
        Assert.Equal("Asia/Urumqi", policy.Calendar.TimeZone.Id);
    }

    [Theory]
    [InlineData("DispatchMinutes", "", "请填写派单时限")]
    [InlineData("DispatchMinutes", "abc", "请输入有效的整数")]
    [InlineData("DispatchMinutes", "0", "派单时限必须在 1 分钟 到 7 天 之间")]
    [InlineData("ResolutionMinorHours", "-5", "轻微投诉处理时限必须在 1 小时 到 90 天 之间")]
    [InlineData("ResolutionBHours", "99999999", "B类投诉处理时限超出允许范围")]
    [InlineData("FollowUpAttemptsBeforeUnreachable", "0", "回访尝试次数必须在 1 到 20 之间")]
    [InlineData("RaisesForMajor", "1", "重大投诉的反映次数阈值必须在 2 到 100 之间")]
    [InlineData("RepeatRaises", "1", "重复投诉的反映次数阈值必须在 2 到 100 之间")]
    [InlineData("DaysUnresolvedForMajor", "400", "未解决升级为重大投诉的天数必须在 1 到 366 之间")]
    [InlineData("GroupComplainantCount", "1", "群体投诉人数阈值必须在 2 到 10000 之间")]
    [InlineData("GroupWindowHours", "0", "群体投诉归并时间窗必须在 1 到 720 小时之间")]
    [InlineData("RepeatWindowDays", "400", "重复反映识别期必须在 0 到 365 天之间")]
    [InlineData("ClockIntervalSeconds", "1", "时限检查间隔必须在 10 到 3600 秒之间")]
    [InlineData("TimeZoneId", "Mars/Olympus", "未知的时区")]
    [InlineData("TimeZoneId", "", "请填写公司时区")]
    public async Task Save_BadField_ShowsMessageBesideItAndSavesNothing(string field, string value, string message)
    {
        var before = await SettingsAsync();
        var form = Form(before);
        form["Input.DispatchMinutes"] = "25";
        form[$"Input.{field}"] = value;

        var response = await _admin.PostFormAsync("/Admin/Settings", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"data-valmsg-for=\"Input.{field}\"[^>]*>[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}", html);
        var after = await SettingsAsync();
        Assert.Equal((before.DispatchMinutes, before.Version), (after.DispatchMinutes, after.Version));
    }

    [Fact]
    public async Task Save_AfterAnotherAdminSaved_SaysSoAndKeepsTheirValues()
    {
        // The form was drawn at this version; then another administrator saves.
        var drawn = await SettingsAsync();
        var form = Form(drawn);
        form["Input.DispatchMinutes"] = "45";
        await _app.WithDbAsync(db => db.ProcedureSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.DispatchMinutes, 15).SetProperty(x => x.Version, drawn.Version + 1)));
        await ForgetCachedPolicyAsync(); // what this instance's 10-second cache does by itself after the other's save

        var response = await _admin.PostFormAsync("/Admin/Settings", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(IndexModel.ConflictMessage, html);
        Assert.Contains($"name=\"Input.Version\" value=\"{drawn.Version + 1}\"", html);
        var settings = await SettingsAsync();
        Assert.Equal((15, drawn.Version + 1), (settings.DispatchMinutes, settings.Version));
    }

    [Fact]
    public async Task Save_ShorterDispatchLimit_ClockLooksAgainAndRecordsUnderTheNewLimit()
    {
        var form = Form(await SettingsAsync());
        form["Input.DispatchMinutes"] = "60";
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.PostFormAsync("/Admin/Settings", form)).StatusCode);
        var id = await _app.RegisterAsync();
        var registeredAt = (await _app.ComplaintAsync(id)).RegisteredAt;
        _app.Advance(TimeSpan.FromMinutes(15));
        await _app.RunClockAsync();
        Assert.Empty(await _app.EventsAsync(id));

        form = Form(await SettingsAsync());
        form["Input.DispatchMinutes"] = "10";
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.PostFormAsync("/Admin/Settings", form)).StatusCode);
        await _app.RunClockAsync();

        var events = await _app.EventsAsync(id);
        Assert.Contains(events, e => e.Kind == EscalationKind.DispatchOverdue && e.Limit == TimeSpan.FromMinutes(10));
        var complaint = await _app.ComplaintAsync(id);
        Assert.Equal(registeredAt.AddMinutes(10), complaint.NextDueAt);
        Assert.True(complaint.ClockDueAt > _app.Clock.GetUtcNow().UtcDateTime);
    }

    private Task<ProcedureSettings> SettingsAsync() =>
        _app.WithDbAsync(db => db.ProcedureSettings.AsNoTracking().SingleAsync());

    private async Task ForgetCachedPolicyAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ProcedurePolicies>().Invalidate();
    }

    private async Task<ProcedurePolicy> PolicyAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProcedurePolicies>().GetAsync();
    }

    /// <summary>The form as drawn from <paramref name="current"/>.</summary>
    private static Dictionary<string, string?> Form(ProcedureSettings current)
    {
        var defaults = current;
        return new()
        {
            ["Input.DispatchMinutes"] = defaults.DispatchMinutes.ToString(),
            ["Input.ResolutionMinorHours"] = defaults.ResolutionMinorHours.ToString(),
            ["Input.ResolutionImportantHours"] = defaults.ResolutionImportantHours.ToString(),
            ["Input.ResolutionMajorHours"] = defaults.ResolutionMajorHours.ToString(),
            ["Input.ResolutionBHours"] = defaults.ResolutionBHours.ToString(),
            ["Input.ResolutionCHours"] = defaults.ResolutionCHours.ToString(),
            ["Input.MajorProgressHours"] = defaults.MajorProgressHours.ToString(),
            ["Input.FollowUpHours"] = defaults.FollowUpHours.ToString(),
            ["Input.FollowUpAttemptsBeforeUnreachable"] = defaults.FollowUpAttemptsBeforeUnreachable.ToString(),
            ["Input.RaisesForMajor"] = defaults.RaisesForMajor.ToString(),
            ["Input.RepeatRaises"] = defaults.RepeatRaises.ToString(),
            ["Input.DaysUnresolvedForMajor"] = defaults.DaysUnresolvedForMajor.ToString(),
            ["Input.GroupComplainantCount"] = defaults.GroupComplainantCount.ToString(),
            ["Input.GroupWindowHours"] = defaults.GroupWindowHours.ToString(),
            ["Input.RepeatWindowDays"] = defaults.RepeatWindowDays.ToString(),
            ["Input.ClockIntervalSeconds"] = defaults.ClockIntervalSeconds.ToString(),
            ["Input.TimeZoneId"] = defaults.TimeZoneId,
            ["Input.Version"] = current.Version.ToString(),
        };
    }
}
