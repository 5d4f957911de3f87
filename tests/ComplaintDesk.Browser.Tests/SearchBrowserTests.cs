using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>Issue 14: the owner is on the phone; the clerk types the number and sees the earlier complaints.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Create_TypingTheCallersPhone_ShowsTheEarlierComplaintBesideTheForm()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk", width: 375, height: 812);
        var watch = PageWatch.On(page);
        var earlier = await Desk.RegisterAsync(page, new ComplaintSample(
            Complainant: "赵丽",
            Phone: "15900001234",
            Location: "9栋1单元1701",
            Content: "地库入口的道闸坏了，车辆进出排长队。"));

        await page.GotoAsync("/Complaints/Create");
        await page.GetByLabel("联系电话", new() { Exact = true }).PressSequentiallyAsync("159 0000 1234");

        var panel = page.Locator("#earlier-list");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator(".earlier-item")).ToHaveCountAsync(1);
        await Assertions.Expect(panel).ToContainTextAsync(earlier.Number);
        await Assertions.Expect(panel).ToContainTextAsync("待派单");
        await Assertions.Expect(panel).ToContainTextAsync("9栋1单元1701");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= 375 + 2, $"the form scrolls sideways on a phone: {widths[0]} px wide.");
        await BrowserFixture.ScreenshotAsync(page, "15-earlier-complaints-phone");

        // Another number: the panel follows what is typed now.
        await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync("13000009999");
        await Assertions.Expect(page.Locator("#earlier-none")).ToBeVisibleAsync();
        watch.AssertClean();
    }

    [SkippableFact]
    public async Task List_SearchByLastFourDigits_FindsAndMarks()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk");
        var watch = PageWatch.On(page);
        var registered = await Desk.RegisterAsync(page, new ComplaintSample(
            Complainant: "钱进",
            Phone: "18655554321",
            Location: "2栋3单元602",
            Content: "楼顶水箱漏水，楼梯间墙面发霉。"));

        await page.GotoAsync("/Complaints");
        await page.Locator("#filter-q").FillAsync("漏水 602");
        await page.Locator("#filter-submit").ClickAsync();

        var row = page.Locator("#complaint-table tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(registered.Number);
        await Assertions.Expect(row.Locator("mark").First).ToHaveTextAsync(new Regex("^漏水$"));
        await Assertions.Expect(row).ToContainTextAsync("186****4321");
        watch.AssertClean();
    }
}
