using System.Net;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Security;
using ComplaintDesk.Web.Tests.Api;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Account;

/// <summary>Sign-in that tells a stranger nothing and cannot be used to lock anyone out; sessions that end.</summary>
public sealed class SessionAndThrottleTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public SessionAndThrottleTests()
    {
        _app.Settings["Api:TokenRequestsPerMinute"] = "1000";
    }

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Login_UnknownKnownAndDeactivatedNames_AnswerTheSameForEveryFailure()
    {
        await SetActiveAsync("clerk2", false);
        using var client = _app.CreateDeskClient();
        var token = DeskClient.AntiforgeryToken(await client.GetPageAsync("/Account/Login")) ?? throw new InvalidOperationException("no token");
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            foreach (var name in new[] { "nobody-here", "supervisor", "clerk2" })
            {
                // One form, 18 posts: under the form's 20-a-minute limit per address.
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["UserName"] = name,
                    ["Password"] = "wrong" + i,
                    ["__RequestVerificationToken"] = token,
                });
                var response = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
                answers.Add(await response.Content.ReadAsStringAsync());
            }
        }

        // Five failures per name (from this one address) answer the same; the sixth try is throttled for every name alike.
        Assert.All(answers.Take(15), a => Assert.Contains(SignInGate.FailedMessage, a));
        Assert.All(answers.Skip(15), a => Assert.Contains(SignInGate.ThrottledMessage, a));
        Assert.DoesNotContain(answers, a => a.Contains("已锁定", StringComparison.Ordinal) || a.Contains("停用", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInGate_UnknownName_VerifiesAHashLikeAKnownName()
    {
        var hasher = new CountingHasher();
        using var app = _app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(hasher)));
        await using var scope = app.Services.CreateAsyncScope();
        var gate = scope.ServiceProvider.GetRequiredService<SignInGate>();

        await gate.CheckAsync("admin", "wrong", Client("10.0.0.1"));
        var known = hasher.Verifications;
        await gate.CheckAsync("nobody-at-all", "wrong", Client("10.0.0.1"));

        Assert.Equal(1, known);
        Assert.Equal(2, hasher.Verifications);
    }

    [Fact]
    public async Task SignInGate_StrangerFailsFiveTimesForAdmin_AdminFromOwnAddressStillSignsIn()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var gate = scope.ServiceProvider.GetRequiredService<SignInGate>();
        for (var i = 0; i < 8; i++)
        {
            await gate.CheckAsync("admin", "guess" + i, Client("203.0.113.9"));
        }

        var stranger = await gate.CheckAsync("admin", "Demo@2026", Client("203.0.113.9"));
        var admin = await gate.CheckAsync("admin", "Demo@2026", Client("198.51.100.7"));

        Assert.Equal(SignInStatus.Throttled, stranger.Status);
        Assert.Equal(SignInStatus.Succeeded, admin.Status);
    }

    [Fact]
    public async Task SignInGate_DeactivatedAccount_IsToldOnlyWithTheRightPassword()
    {
        await SetActiveAsync("clerk2", false);
        await using var scope = _app.Services.CreateAsyncScope();
        var gate = scope.ServiceProvider.GetRequiredService<SignInGate>();

        var wrong = await gate.CheckAsync("clerk2", "wrong", Client("10.1.1.1"));
        var right = await gate.CheckAsync("clerk2", "Demo@2026", Client("10.1.1.1"));

        Assert.Equal(SignInStatus.Failed, wrong.Status);
        Assert.Equal(SignInStatus.Inactive, right.Status);
    }

    [Fact]
    public async Task Logout_CookieReplayedAfterwards_IsSentToSignIn()
    {
        var cookies = new CookieContainerHandler();
        var address = new Uri("https://localhost");
        using var client = new DeskClient(_app.CreateDefaultClient(address, cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk", ["Password"] = "Demo@2026" })).StatusCode);
        var cookie = cookies.Container.GetCookieHeader(address);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Complaints")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Logout", [])).StatusCode);
        using var replay = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = address });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Complaints");
        request.Headers.Add("Cookie", cookie);
        var response = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_BearerTokenOfTheAccount_IsRefused()
    {
        var token = await ApiTestClient.TokenAsync(_app, "supervisor");
        using var api = ApiTestClient.WithToken(_app, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/complaints")).StatusCode);

        using (var page = await _app.SignInAsync("supervisor"))
        {
            await page.PostFormAsync("/Account/Logout", []);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/complaints")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_OldTokenAndOtherCookie_AreRefusedAndThisCookieGoesOn()
    {
        var token = await ApiTestClient.TokenAsync(_app, "manager");
        using var api = ApiTestClient.WithToken(_app, token);
        using var other = await _app.SignInAsync("manager");
        using var client = await _app.SignInAsync("manager");

        var response = await client.PostFormAsync("/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = "Demo@2026",
            ["NewPassword"] = "Changed@2027",
            ["ConfirmPassword"] = "Changed@2027",
        });

        Assert.Contains("密码已修改", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/complaints")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Complaints")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Complaints")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_OnAnotherInstance_EndsTheTokenWithinSeconds()
    {
        // Two instances over one database: the deactivation happens on the other one, so only the stamp in the
        // database can tell this instance; its cache lasts App:SessionCheckSeconds (5).
        var token = await ApiTestClient.TokenAsync(_app, "clerk");
        using var api = ApiTestClient.WithToken(_app, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/complaints")).StatusCode);
        using var second = _app.WithWebHostBuilder(_ => { });
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var clerk = await users.FindByNameAsync("clerk") ?? throw new InvalidOperationException("no clerk");
            clerk.IsActive = false;
            await users.UpdateSecurityStampAsync(clerk);
        }

        _app.Clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/complaints")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_FiveWrongCurrentPasswords_RefusesTheRightOneFor15Minutes()
    {
        using var client = await _app.SignInAsync("admin");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/Account/ChangePassword", Fields("wrong" + i));
            Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());
        }

        var refused = await client.PostFormAsync("/Account/ChangePassword", Fields("Demo@2026"));
        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        var accepted = await client.PostFormAsync("/Account/ChangePassword", Fields("Demo@2026"));

        Assert.Contains("当前密码错误次数过多", await refused.Content.ReadAsStringAsync());
        Assert.Contains("密码已修改", await accepted.Content.ReadAsStringAsync());

        static Dictionary<string, string?> Fields(string current) => new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = "Changed@2027",
            ["ConfirmPassword"] = "Changed@2027",
        };
    }

    private static DefaultHttpContext Client(string address) =>
        new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    private async Task SetActiveAsync(string userName, bool active)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        user.IsActive = active;
        await users.UpdateAsync(user);
    }

    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();

        public int Verifications { get; private set; }

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
