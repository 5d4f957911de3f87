using System.Net;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Account;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task LoginPage_Anonymous_ShowsChineseLabelledForm()
    {
        using var client = _app.CreateDeskClient();

        var html = await client.GetPageAsync("/Account/Login");

        Assert.Contains("<label for=\"UserName\" class=\"form-label\">用户名</label>", html);
        Assert.Contains("<label for=\"Password\" class=\"form-label\">密码</label>", html);
        Assert.Contains(">登录</button>", html);
    }

    [Fact]
    public async Task Home_Anonymous_RedirectsToSignIn()
    {
        using var client = _app.CreateDeskClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_DemoClerk_SignsInAndGreets()
    {
        using var client = await _app.SignInAsync("clerk");

        var html = await client.GetPageAsync("/");

        Assert.Contains("王小丽", html);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsMessageAndStaysOnPage()
    {
        using var client = _app.CreateDeskClient();

        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "manager", ["Password"] = "wrong" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_FiveFailures_RefusesTheNameHereForFifteenMinutes()
    {
        using var client = _app.CreateDeskClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "supervisor", ["Password"] = "wrong" });
        }

        var locked = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "supervisor", ["Password"] = "Demo@2026" });

        Assert.Contains("请 15 分钟后再试", await locked.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthChecks_Anonymous_AnswerHealthy(string url)
    {
        using var client = _app.CreateDeskClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_AnyResponse_CarriesContentSecurityPolicy()
    {
        using var client = _app.CreateDeskClient();

        var response = await client.GetAsync("/Account/Login");

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
