using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>Issue 17: a 12345 referral from registration to 办结反馈 and the close, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferralBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Referral_RegisteredSignedForRepliedAndClosed()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk");
        var watch = PageWatch.On(page);

        await page.GotoAsync("/Complaints/Create");
        await Desk.FillAsync(page, new ComplaintSample(
            Complainant: "刘先生",
            Phone: "13955556666",
            Location: "5栋2单元301",
            Content: "12345 转来：小区5栋楼道灯坏了一周，报修两次无人处理。",
            Topic: "公共设施",
            Channel: "政府转办 (12345)"));
        await page.Locator("#referral-section-toggle").ClickAsync();
        await page.GetByLabel("转办来源").SelectOptionAsync(new SelectOptionValue { Value = "1" });
        await page.GetByLabel("转办工单号").FillAsync("GD20261116009001");
        await BrowserFixture.ScreenshotAsync(page, "17-create-referral", fullPage: true);
        var complaint = await Desk.SaveAsync(page);

        await Assertions.Expect(page.Locator("#referral-ticket")).ToHaveTextAsync("GD20261116009001");
        await Assertions.Expect(page.Locator("#referral-state")).ToHaveTextAsync("待签收");
        await Assertions.Expect(page.Locator("#deadlines")).ToContainTextAsync("转办签收");

        await ReferralMoveAsync(page, "SignFor", "签收", _ => Task.CompletedTask);
        await Assertions.Expect(page.Locator("#referral-state")).ToHaveTextAsync("办理中");
        await Desk.DispatchAsync(page, "工程部", "王电工");
        await Desk.ResolveAsync(page, "已更换5栋2单元楼道灯具 6 盏并试亮。");

        // The complainant is satisfied, but a referred complaint does not close before the reply to 12345.
        var supervisor = await fixture.NewSignedInPageAsync("supervisor");
        var supervisorWatch = PageWatch.On(supervisor);
        await supervisor.GotoAsync(complaint.DetailsPath);
        await supervisor.Locator("#move-RecordFollowUp-toggle").ClickAsync();
        var form = supervisor.Locator("#move-RecordFollowUp");
        await form.GetByLabel("回访方式").SelectOptionAsync(new SelectOptionValue { Label = "电话" });
        await form.GetByLabel("回访结果").SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await supervisor.Locator("#move-RecordFollowUp-submit").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#move-error")).ToContainTextAsync("须先录入办结反馈，才能结案。");
        await Assertions.Expect(Desk.Status(supervisor)).ToHaveTextAsync("待回访");

        await ReferralMoveAsync(page, "Reply", "办结反馈", block => block.GetByLabel("办结反馈内容").FillAsync("已更换楼道灯具并试亮，业主确认恢复正常。"));
        await Assertions.Expect(page.Locator("#referral-state")).ToHaveTextAsync("已办结反馈");
        await Assertions.Expect(page.Locator("#referral-reply")).ToContainTextAsync("业主确认恢复正常");
        await page.Locator("section").Filter(new() { Has = page.Locator("#referral-title") })
            .ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "18-referral.png") });

        await supervisor.GotoAsync(complaint.DetailsPath);
        await Desk.FollowUpAsync(supervisor, "电话", "满意", "业主表示灯已修好。");
        await Assertions.Expect(Desk.Status(supervisor)).ToHaveTextAsync("已结案");
        supervisorWatch.AssertClean();

        await page.GotoAsync("/Complaints?q=GD20261116009001");
        await Assertions.Expect(page.Locator("#complaint-table tbody tr")).ToHaveCountAsync(1);
        watch.AssertClean();
    }

    /// <summary>Opens a referral move's form on the details page, fills it, confirms, and waits for the message.</summary>
    private static async Task ReferralMoveAsync(IPage page, string move, string label, Func<ILocator, Task> fill)
    {
        var block = page.Locator($"#referral-move-{move}");
        await page.Locator($"#referral-move-{move}-toggle").ClickAsync();
        await Assertions.Expect(block).ToHaveAttributeAsync("open", string.Empty);
        await fill(block);
        await page.Locator($"#referral-{move}-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#move-message")).ToContainTextAsync(label + "已保存");
    }
}
