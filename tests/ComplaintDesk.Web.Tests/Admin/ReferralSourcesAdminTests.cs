using System.Net;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Admin;

/// <summary>转办来源 in 系统管理: the sources and their default deadlines; a new source's defaults fill a new referral.</summary>
public sealed class ReferralSourcesAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly DeskAppFactory _app = fixture.App;
    private readonly DeskClient _admin = fixture.Admin;

    [Fact]
    public async Task Index_Admin_ListsTheSeededSourcesWithDefaults()
    {
        var html = await _admin.GetPageAsync("/Admin/ReferralSources");

        Assert.Contains("12345 热线", html);
        Assert.Contains("120 小时", html);
        Assert.Contains("街道/社区", html);
    }

    [Fact]
    public async Task Add_WithDefaults_SavesAndTheIdentityDoesNotCollideWithTheSeed()
    {
        var response = await _admin.PostFormAsync("/Admin/ReferralSources/Edit", new()
        {
            ["Input.Name"] = " 信访办 ", ["Input.SignForHours"] = "4", ["Input.FirstFeedbackHours"] = "", ["Input.CompletionHours"] = "240",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var source = await _app.WithDbAsync(db => db.ReferralSources.SingleAsync(s => s.Name == "信访办"));
        Assert.True(source.Id > 4);
        Assert.Equal((4, (int?)null, 240), (source.SignForHours!.Value, source.FirstFeedbackHours, source.CompletionHours!.Value));
    }

    [Theory]
    [InlineData("12345 热线", "2", "转办来源 12345 热线 已存在")]
    [InlineData("", "2", "请填写来源名称")]
    [InlineData("区城管局", "0", "签收时限须在 1 到 8760 小时之间；没有默认时限请留空。")]
    [InlineData("区城管局", "两小时", "请输入有效的整数。")]
    public async Task Add_BadInput_ShowsMessageAndSavesNothing(string name, string signFor, string message)
    {
        var before = await _app.WithDbAsync(db => db.ReferralSources.CountAsync());

        var response = await _admin.PostFormAsync("/Admin/ReferralSources/Edit", new() { ["Input.Name"] = name, ["Input.SignForHours"] = signFor });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.WithDbAsync(db => db.ReferralSources.CountAsync()));
    }

    [Fact]
    public async Task Edit_Defaults_ChangeAndDeactivate()
    {
        var response = await _admin.PostFormAsync("/Admin/ReferralSources/Edit/3", new()
        {
            ["Input.Name"] = "街道/社区", ["Input.SignForHours"] = "12", ["Input.FirstFeedbackHours"] = "48", ["Input.CompletionHours"] = "168",
        });
        var deactivated = await _admin.PostFormAsync("/Admin/ReferralSources/Edit/3?handler=Deactivate", new(), "/Admin/ReferralSources/Edit/3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var source = await _app.WithDbAsync(db => db.ReferralSources.SingleAsync(s => s.Id == 3));
        Assert.Equal((12, false), (source.SignForHours!.Value, source.IsActive));
        await _admin.PostFormAsync("/Admin/ReferralSources/Edit/3?handler=Reactivate", new(), "/Admin/ReferralSources/Edit/3");
    }

    [Fact]
    public async Task EditedDefaults_FillTheNextReferral_AndADeactivatedSourceIsNotOfferedNorAccepted()
    {
        await _admin.PostFormAsync("/Admin/ReferralSources/Edit/2", new()
        {
            ["Input.Name"] = "住建部门", ["Input.SignForHours"] = "6", ["Input.FirstFeedbackHours"] = "", ["Input.CompletionHours"] = "72",
        });
        await _admin.PostFormAsync("/Admin/ReferralSources/Edit/4?handler=Deactivate", new(), "/Admin/ReferralSources/Edit/4");
        using var clerk = await _app.SignInAsync("clerk");
        try
        {
            var fields = Complaints.Desk.Intake(("Channel", "GovernmentHotline"), ("Phone", "13900040001"));
            fields["Referral.SourceId"] = "2";
            fields["Referral.TicketNumber"] = "ZJ-ADMIN-1";
            fields["Referral.ReceivedAt"] = "2026-11-16T09:30";
            var registered = await clerk.PostFormAsync("/Complaints/Create", fields);
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            var referral = (await Complaints.Desk.LoadAsync(_app, Complaints.Desk.IdOf(registered))).Referral!;
            var received = new DateTime(2026, 11, 16, 1, 30, 0, DateTimeKind.Utc);
            Assert.Equal((received.AddHours(6), (DateTime?)null, received.AddHours(72)), (referral.SignForDue!.Value, referral.FirstFeedbackDue, referral.CompletionDue!.Value));

            var form = await clerk.GetPageAsync("/Complaints/Create");
            var sources = System.Text.RegularExpressions.Regex.Match(form, "<select[^>]*id=\"Referral_SourceId\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
            Assert.Contains("<option value=\"2\">住建部门", sources, StringComparison.Ordinal);
            Assert.DoesNotContain("<option value=\"4\"", sources, StringComparison.Ordinal);
            fields["Referral.SourceId"] = "4";
            fields["Referral.TicketNumber"] = "QT-ADMIN-1";
            fields["Input.Phone"] = "13900040002";
            fields["Input.Location"] = "8栋2单元808";
            var refused = await clerk.PostFormAsync("/Complaints/Create", fields);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("请选择有效的转办来源。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await _app.WithDbAsync(db => db.Complaints.CountAsync(c => c.Referral!.TicketNumber == "QT-ADMIN-1")));
            Assert.Contains("已停用", await _admin.GetPageAsync("/Admin/ReferralSources"), StringComparison.Ordinal);
        }
        finally
        {
            await _admin.PostFormAsync("/Admin/ReferralSources/Edit/4?handler=Reactivate", new(), "/Admin/ReferralSources/Edit/4");
        }
    }

    [Fact]
    public async Task Post_Manager_DeniedAndNothingChanged()
    {
        using var manager = await _app.SignInAsync("manager");

        // The antiforgery token from a page the manager may open; the post itself is an administrator's.
        var post = await manager.PostFormAsync("/Admin/ReferralSources/Edit/1", new() { ["Input.Name"] = "改名" }, "/");

        Assert.Contains("AccessDenied", post.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("12345 热线", await _app.WithDbAsync(db => db.ReferralSources.Where(s => s.Id == 1).Select(s => s.Name).SingleAsync()));
    }
}
