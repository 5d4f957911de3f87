using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>The administrator's pages open in a real browser without script or CSP errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task AdminPages_Admin_OpenWithoutConsoleErrors()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("admin");
        var watch = PageWatch.On(page);

        var pages = new (string Path, string Heading)[]
        {
            ("/Admin", "系统管理"),
            ("/Admin/Staff", "人员与角色"),
            ("/Admin/Projects", "物业项目"),
            ("/Admin/Departments", "责任部门"),
            ("/Admin/Topics", "投诉事项"),
            ("/Admin/Settings", "规程设置"),
        };
        foreach (var (path, heading) in pages)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        }

        await BrowserFixture.ScreenshotAsync(page, "13-admin-settings");
        await page.GotoAsync("/Admin/Staff");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("clerk");
        await BrowserFixture.ScreenshotAsync(page, "12-admin-staff");

        watch.AssertClean();
    }
}
