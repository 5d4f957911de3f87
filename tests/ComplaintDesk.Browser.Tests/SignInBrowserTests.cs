using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task SignIn_DemoClerk_ReachesHomeWithoutCspViolations()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                violations.Add(message.Text);
            }
        };

        await BrowserFixture.SignInAsync(page, "clerk");
        await BrowserFixture.ScreenshotAsync(page, "01-home");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "您好，王小丽" })).ToBeVisibleAsync();
        Assert.Empty(violations);
    }
}
