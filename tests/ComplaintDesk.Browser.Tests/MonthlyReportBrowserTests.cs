using System.Text;
using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>Issue 6: the manager's monthly report draws its charts and exports.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonthlyReportBrowserTests(BrowserFixture fixture)
{
    private static readonly string[] _charts = ["chart-trend", "chart-rates", "chart-types", "chart-severity", "chart-topics"];

    [SkippableFact]
    public async Task MonthlyReport_Manager_ChartsDrawAndExportsDownload()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        // A few complaints of this month so that the report and its charts have something to show.
        var clerk = await fixture.NewSignedInPageAsync("clerk");
        var clerkWatch = PageWatch.On(clerk);
        var first = await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "孙丽", Phone: "13611112222", Location: "阳光花园北门停车场",
            Content: "月卡车位经常被外来车辆占用，保安未有效管理。", Topic: "停车", CompanyAtFault: true));
        await Desk.DispatchAsync(clerk, "秩序维护部", "周队长");
        await Desk.ResolveAsync(clerk, "已为月卡车位加装地锁，保安每小时巡查一次。");
        var supervisor = await fixture.NewSignedInPageAsync("supervisor");
        await supervisor.GotoAsync(clerk.Url);
        await Desk.FollowUpAsync(supervisor, "电话", "满意", "业主表示车位已不再被占用。");
        await supervisor.CloseAsync();
        await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "郑华", Phone: "13577778888", Location: "阳光花园6栋1单元",
            Content: "电梯按钮失灵，按了没有反应。", Topic: "电梯"));
        await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "黄磊", Phone: "13599990000", Location: "阳光花园中心花园",
            Content: "中心花园垃圾一周没有清理，保洁员态度差。", Topic: "保洁/卫生", CompanyAtFault: true));
        await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "周杰", Phone: "13733334444", Location: "翠湖湾2栋0903",
            Content: "卫生间楼板渗水到楼下，交房两年内已是第三次。", Project: "翠湖湾", Topic: "房屋质量",
            Cause: "工程遗留或房屋质量问题", TimesRaised: 3));
        await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "吴娟", Phone: "13855556666", Location: "阳光花园南侧市政路",
            Content: "小区外市政道路施工夜间噪音扰民。", Topic: "市政/外部", Cause: "外部环境、非管辖区域或其他社会问题"));
        clerkWatch.AssertClean();

        var page = await fixture.NewSignedInPageAsync("manager");
        var watch = PageWatch.On(page);
        await page.GotoAsync("/Reports/Monthly");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("投诉月报 2026-11");
        foreach (var chart in _charts)
        {
            var element = page.Locator("#" + chart);
            await Assertions.Expect(element).ToHaveAttributeAsync("data-rendered", "true");
            await Assertions.Expect(element.Locator("canvas")).Not.ToHaveCountAsync(0);
        }

        await BrowserFixture.ScreenshotAsync(page, "10-report");
        await page.Locator("#charts-title").ScrollIntoViewIfNeededAsync();
        await page.Locator("section").Filter(new() { Has = page.Locator("#charts-title") })
            .ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "11-report-charts.png") });

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", workbook.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var bytes = await File.ReadAllBytesAsync((await workbook.PathAsync())!);
        Assert.True(bytes.Length > 100, $"The workbook has {bytes.Length} bytes.");
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-complaints-csv").ClickAsync());
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        Assert.Contains(first.Number, text, StringComparison.Ordinal);
        Assert.Contains("136****2222", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13611112222", text, StringComparison.Ordinal);

        watch.AssertClean();
    }
}
