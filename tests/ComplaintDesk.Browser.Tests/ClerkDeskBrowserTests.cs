using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>Issue 4: the clerk's desk in a real browser, from sign-in to a closed complaint.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkDeskBrowserTests(BrowserFixture fixture)
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [SkippableFact]
    public async Task ClerkDay_RegisterDispatchResolveFollowUp_ClosedWithTimeline()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewPageAsync();
        var watch = PageWatch.On(page);

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("clerk");
        await BrowserFixture.ScreenshotAsync(page, "02-login");
        await BrowserFixture.SignInAsync(page, "clerk");

        await page.GotoAsync("/Complaints/Create");
        var panel = page.Locator("#classification-panel");
        await Assertions.Expect(panel).ToContainTextAsync("请选择投诉原因");
        await Desk.FillAsync(page, new ComplaintSample(
            Complainant: "张伟",
            Phone: "13812345678",
            Location: "3栋1单元1202",
            Content: "3栋1单元电梯停运两天，家中有老人上下楼困难，物业未张贴通知也未告知维修时间。",
            Channel: "来访"));

        // classify.js asks the server while the form is filled in: no button pressed, no page loaded.
        await Assertions.Expect(page.Locator("#classification-type")).ToHaveTextAsync("A类（有效投诉）");
        await Assertions.Expect(page.Locator("#classification-severity")).ToHaveTextAsync("轻微");
        await page.GetByLabel("是否公司人为过失", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.Locator("#classification-severity")).ToHaveTextAsync("重要");
        await Assertions.Expect(page.Locator("#classification-clauses")).ToContainTextAsync("3.1.3");
        Assert.EndsWith("/Complaints/Create", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "03-create", fullPage: true);

        var complaint = await Desk.SaveAsync(page);
        Assert.Matches(Desk.NumberPattern(), complaint.Number);
        Assert.StartsWith("TS202611", complaint.Number, StringComparison.Ordinal);
        await Assertions.Expect(Desk.Status(page)).ToHaveTextAsync("待派单");
        await Assertions.Expect(page.Locator("#classification-type")).ToHaveTextAsync("A类（有效投诉）");
        await Assertions.Expect(page.Locator("#classification-severity")).ToHaveTextAsync("重要");
        await Assertions.Expect(page.Locator("#complainant")).ToContainTextAsync("张伟");

        await Desk.DispatchAsync(page, "工程部", "李工");
        await Assertions.Expect(Desk.Status(page)).ToHaveTextAsync("处理中");
        await Assertions.Expect(page.Locator("#department")).ToHaveTextAsync("工程部");

        await Desk.RecordProgressAsync(page, "已联系电梯维保单位奥的斯，更换主板配件，预计明天中午前恢复运行。");
        await Assertions.Expect(Desk.Status(page)).ToHaveTextAsync("处理中");

        await Desk.ResolveAsync(page, "电梯主板已更换，经维保单位检测合格，已恢复运行；已在单元大堂张贴说明并致歉。");
        await Assertions.Expect(Desk.Status(page)).ToHaveTextAsync("待回访");
        await Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync("电梯主板已更换");
        await BrowserFixture.ScreenshotAsync(page, "04-details");

        // The follow-up rules: an important complaint is followed up by a supervisor, never by the clerk who resolved it.
        await Assertions.Expect(page.Locator("#move-RecordFollowUp")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#followup-blocked")).ToHaveTextAsync("按回访规则，重要投诉须由客服主管或经理回访。");
        var supervisor = await fixture.NewSignedInPageAsync("supervisor");
        var supervisorWatch = PageWatch.On(supervisor);
        await supervisor.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(supervisor.Locator("#RecordFollowUp_PhoneCalled")).ToHaveValueAsync("13812345678");
        await Desk.FollowUpAsync(supervisor, "电话", "满意", "业主表示电梯运行正常，对处理结果满意。");
        await Assertions.Expect(Desk.Status(supervisor)).ToHaveTextAsync("已结案");
        supervisorWatch.AssertClean();
        await page.ReloadAsync();
        await Assertions.Expect(Desk.Status(page)).ToHaveTextAsync("已结案");
        await Assertions.Expect(page.Locator("#followups")).ToContainTextAsync("满意");
        await Assertions.Expect(page.Locator("#no-moves")).ToBeVisibleAsync();

        foreach (var entry in new[] { "登记", "派单", "处理进展", "处理完成", "回访" })
        {
            await Assertions.Expect(TimelineEntry(page, entry)).ToHaveCountAsync(1);
        }

        await Assertions.Expect(TimelineEntry(page, "回访")).ToContainTextAsync("待回访 → 已结案");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("已联系电梯维保单位奥的斯");
        await page.Locator("section").Filter(new() { Has = page.Locator("#timeline-title") })
            .ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "05-timeline.png") });

        await page.Locator("#print-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/Print", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText(complaint.Number).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("投诉处理记录表");
        await BrowserFixture.ScreenshotAsync(page, "08-print", fullPage: true);

        await page.GotoAsync("/Complaints");
        var row = page.Locator("#complaint-table tbody tr").Filter(new() { HasText = complaint.Number });
        await Assertions.Expect(row).ToContainTextAsync("已结案");
        await Assertions.Expect(row).ToContainTextAsync("138****5678");
        await Assertions.Expect(page.Locator("#complaint-table")).Not.ToContainTextAsync("13812345678");
        await BrowserFixture.ScreenshotAsync(page, "06-list");

        watch.AssertClean();
    }

    [SkippableFact]
    public async Task Reopen_SupervisorOnClosedComplaint_InProgressAgainWithReason()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var clerk = await fixture.NewSignedInPageAsync("clerk");
        var clerkWatch = PageWatch.On(clerk);
        var complaint = await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "刘芳",
            Phone: "13923456789",
            Location: "5栋地下车库B2-118",
            Content: "地下车库B2层照明灯坏了一排，晚上取车看不清，担心安全。",
            Topic: "公共设施"));
        await Desk.DispatchAsync(clerk, "工程部", "陈师傅");
        await Desk.ResolveAsync(clerk, "已更换B2层照明灯管12支，照明恢复正常。");
        var supervisor = await fixture.NewSignedInPageAsync("supervisor");
        var supervisorWatch = PageWatch.On(supervisor);
        await supervisor.GotoAsync(complaint.DetailsPath);
        await Desk.FollowUpAsync(supervisor, "电话", "满意", "业主确认已修好。");
        await clerk.ReloadAsync();
        await Assertions.Expect(Desk.Status(clerk)).ToHaveTextAsync("已结案");
        await Assertions.Expect(clerk.Locator("#move-Reopen")).ToHaveCountAsync(0);

        await supervisor.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(Desk.Status(supervisor)).ToHaveTextAsync("已结案");
        const string Reason = "业主再次来电：B2层仍有3盏灯不亮，需重新处理。";
        await Desk.MoveAsync(supervisor, "Reopen", "重新打开", async form =>
        {
            await form.GetByLabel("重新打开原因").FillAsync(Reason);
            await form.ScrollIntoViewIfNeededAsync();
            await BrowserFixture.ScreenshotAsync(supervisor, "14-reopen");
        });

        await Assertions.Expect(Desk.Status(supervisor)).ToHaveTextAsync("处理中");
        var reopened = TimelineEntry(supervisor, "重新打开");
        await Assertions.Expect(reopened).ToHaveCountAsync(1);
        await Assertions.Expect(reopened).ToContainTextAsync(Reason);
        await Assertions.Expect(reopened).ToContainTextAsync("已结案 → 处理中");

        clerkWatch.AssertClean();
        supervisorWatch.AssertClean();
    }

    [SkippableFact]
    public async Task TypedMarkup_InComplainantAndContent_ShownAsTextAndNeverRuns()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk");
        var watch = PageWatch.On(page);

        var complaint = await Desk.RegisterAsync(page, new ComplaintSample(
            Complainant: Markup,
            Phone: "13700001111",
            Location: "9栋2单元301",
            Content: "测试内容 " + Markup + " 结束",
            Topic: "噪音"));

        await Assertions.Expect(page.Locator("#complainant")).ToContainTextAsync(Markup);
        await Assertions.Expect(page.Locator("#content")).ToHaveTextAsync("测试内容 " + Markup + " 结束");
        await Assertions.Expect(page.Locator("main img")).ToHaveCountAsync(0);

        await page.GotoAsync("/Complaints?q=" + Uri.EscapeDataString(complaint.Number));
        var row = page.Locator("#complaint-table tbody tr").Filter(new() { HasText = complaint.Number });
        await Assertions.Expect(row).ToContainTextAsync(Markup);
        await Assertions.Expect(page.Locator("main img")).ToHaveCountAsync(0);

        await page.GotoAsync(complaint.DetailsPath + "/Print");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Markup);
        await Assertions.Expect(page.Locator("main img")).ToHaveCountAsync(0);

        Assert.Empty(watch.Dialogs);
        watch.AssertClean();
    }

    [SkippableFact]
    public async Task Phone_ListAndCreate_NoHorizontalScrolling()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk", width: 375, height: 812);
        var watch = PageWatch.On(page);
        await Desk.RegisterAsync(page, new ComplaintSample(
            Complainant: "王强",
            Phone: "13698765432",
            Location: "12栋架空层",
            Content: "架空层垃圾桶满溢两天无人清运，气味很大，蚊蝇多。",
            Topic: "保洁/卫生",
            Channel: "微信/小程序"));
        await AssertFitsAsync(page);
        // Issue 15: on a phone the complaint's moves are on the first screen.
        await Assertions.Expect(page.Locator("#move-Dispatch-toggle")).ToBeInViewportAsync();

        await page.GotoAsync("/Complaints");
        // The rows are rendered once; on a phone the table's head is hidden and each row is a card.
        await Assertions.Expect(page.Locator("#complaint-table thead")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#complaint-table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#complaint-table tbody tr").First).ToContainTextAsync("136****5432");
        // Issue 15: the complaints come first; the filters fold behind 筛选 and open in place.
        await Assertions.Expect(page.Locator("#filter-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#complaint-table tbody tr").First).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#match-count")).ToHaveTextAsync(new Regex("^共 \\d+ 件$"));
        await page.Locator("#filters-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#filter-status")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await page.Locator("#filters-toggle").ClickAsync();
        await AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "07-list-phone");

        await page.GotoAsync("/Complaints/Create");
        await Assertions.Expect(page.GetByLabel("投诉内容")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "07-create-phone");

        watch.AssertClean();
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= 375 + 2, $"{page.Url} scrolls sideways on a phone: {widths[0]} px wide content in a {widths[1]} px viewport.");
    }

    /// <summary>The timeline entries of one kind (the kind is the entry's bold word).</summary>
    private static ILocator TimelineEntry(IPage page, string kind) =>
        Desk.Timeline(page).Filter(new() { Has = page.Locator("strong", new() { HasTextRegex = new Regex("^" + Regex.Escape(kind) + "$") }) });
}
