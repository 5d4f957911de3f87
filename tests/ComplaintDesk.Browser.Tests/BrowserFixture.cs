using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>
/// The app on a real loopback port and Debian's Chromium driven by Playwright (its own browser download
/// cannot work here). Without Chromium the tests are skipped with a message, except when CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Dictionary<string, string> _signedIn = [];
    private IPlaywright? _playwright;

    public DeskAppFactory App { get; } = new(kestrel: true);

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? ChromiumPath;
        if (!File.Exists(path))
        {
            var message = $"Chromium not found at {path}: install it with `apt-get update && apt-get install -y chromium` (Debian), or set CHROMIUM_PATH.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message + " CI=true: a missing browser fails the run.");
            }

            SkipReason = message;
            return;
        }

        // Generous waits: the machine may be busy; every assertion still retries until it holds.
        Assertions.SetDefaultExpectTimeout(20_000);
        await App.StartAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--lang=zh-CN"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) at the app's address; null when skipped.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    /// <summary>
    /// A fresh page already signed in as <paramref name="userName"/>: each account signs in through the form once
    /// and its cookies are reused, so the tests stay under the sign-in rate limit (20 a minute per address).
    /// </summary>
    public async Task<IPage> NewSignedInPageAsync(string userName, int width = 1280, int height = 900)
    {
        var state = await StorageStateAsync(userName);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            StorageState = state,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    private async Task<string> StorageStateAsync(string userName)
    {
        if (_signedIn.TryGetValue(userName, out var state))
        {
            return state;
        }

        var page = await NewPageAsync();
        await SignInAsync(page, userName);
        state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        _signedIn[userName] = state;
        return state;
    }

    public static async Task SignInAsync(IPage page, string userName, string password = "Demo@2026")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>A PNG of the viewport (or the whole page) in bin/.../screenshots; docs/images holds copies for the user guide.</summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
