using System.Net;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Infrastructure.Security;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>Throttling after 5 failures for 15 minutes, and the per-address rate limit on the sign-in form.</summary>
public sealed class SignInProtectionTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Login_FiveFailures_RefusesThatNameFromThatAddressForFifteenMinutesThenLetsIn()
    {
        using var client = _app.CreateDeskClient();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, "clerk", "Wrong@2026");
        }

        var refused = await SignInAsync(client, "clerk", DemoData.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(SignInGate.ThrottledMessage, await refused.Content.ReadAsStringAsync());

        // The account itself is not locked (docs/decisions/0008-sign-in-throttling.md): nobody elsewhere is shut out.
        Assert.Null(await LockoutEndAsync("clerk"));
        _app.Clock.Advance(TimeSpan.FromMinutes(15));

        var unlocked = await SignInAsync(client, "clerk", DemoData.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
    }

    [Fact]
    public async Task Login_FourFailuresThenSuccess_IsNotLocked()
    {
        using var client = _app.CreateDeskClient();
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(client, "manager", "Wrong@2026");
        }

        var response = await SignInAsync(client, "manager", DemoData.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await LockoutEndAsync("manager"));
    }

    [Fact]
    public async Task Login_ManyPostsFromOneAddress_Answers429()
    {
        using var client = _app.CreateDeskClient();
        var form = await client.GetPageAsync("/Account/Login");
        var token = DeskClient.AntiforgeryToken(form)!;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "nobody",
                ["Password"] = "Wrong@2026",
                ["__RequestVerificationToken"] = token,
            });
            var response = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("请求过于频繁", await response.Content.ReadAsStringAsync());
                break;
            }
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static Task<HttpResponseMessage> SignInAsync(DeskClient client, string userName, string password) =>
        client.PostFormAsync("/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });

    private Task<DateTimeOffset?> LockoutEndAsync(string userName) =>
        _app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.LockoutEnd).SingleAsync());
}
