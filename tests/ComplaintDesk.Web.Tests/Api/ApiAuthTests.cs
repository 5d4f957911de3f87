using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>POST /api/v1/auth/token and what a missing, bad or expired token gets.</summary>
public sealed class ApiAuthTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Token_RightPassword_AnswersBearerTokenWithTheCookiesClaims()
    {
        using var client = fixture.App.CreateDeskClient();

        var response = await client.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = "supervisor", password = "Demo@2026" });

        var body = await ApiTestClient.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(3600, body["expiresIn"]!.GetValue<int>());
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(body["accessToken"]!.GetValue<string>());
        Assert.Equal("ComplaintDesk", jwt.Issuer);
        Assert.Contains("ComplaintDesk", jwt.Audiences);
        Assert.Contains(jwt.Claims, c => c.Type.EndsWith("/role", StringComparison.Ordinal) && c.Value == "Supervisor");
        Assert.Equal(new[] { "1", "2" }, jwt.Claims.Where(c => c.Type == "cd:project").Select(c => c.Value).Order());
        Assert.Contains(jwt.Claims, c => c.Type == "cd:name");
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "cd:company");
    }

    [Fact]
    public async Task Token_WrongPassword_Answers401Problem()
    {
        using var client = fixture.App.CreateDeskClient();

        var response = await client.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = "supervisor", password = "nope" });

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("用户名或密码不正确。", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_UnknownUser_AnswersTheSameAsAWrongPassword()
    {
        using var client = fixture.App.CreateDeskClient();

        var response = await client.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = "nobody", password = "Demo@2026" });

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.invalid-credentials", problem["ruleCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_ThrottlesTheNameFromThisAddressEvenForTheRightOne()
    {
        using var client = fixture.App.CreateDeskClient();
        for (var i = 0; i < 5; i++)
        {
            await client.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = "clerk2", password = "wrong" + i });
        }

        var response = await client.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = "clerk2", password = "Demo@2026" });

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal("auth.throttled", problem["ruleCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_DeactivatedUser_Answers401Inactive()
    {
        await SetActiveAsync("admin", false);

        using var client = fixture.App.CreateDeskClient();
        var response = await client.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = "admin", password = "Demo@2026" });

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.inactive", problem["ruleCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complaints_TokenOfAnAccountDeactivatedSince_Answers401WithinSeconds()
    {
        var token = await ApiTestClient.TokenAsync(fixture.App, "clerk");
        await SetActiveAsync("clerk", false);
        try
        {
            using var client = ApiTestClient.WithToken(fixture.App, token);
            fixture.App.Clock.Advance(TimeSpan.FromSeconds(6)); // past App:SessionCheckSeconds

            await ApiTestClient.ProblemAsync(await client.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
        }
        finally
        {
            await SetActiveAsync("clerk", true);
        }
    }

    [Theory]
    [InlineData("{}", "userName")]
    [InlineData("{\"userName\":\"clerk\"}", "password")]
    [InlineData("{\"userName\":123,\"password\":\"x\"}", "userName")]
    public async Task Token_MissingOrBadFields_Answers400(string body, string field)
    {
        using var client = ApiTestClient.WithToken(fixture.App, null);

        var problem = await ApiTestClient.ProblemAsync(await client.PostRawAsync("/api/v1/auth/token", body), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Complaints_WithoutToken_Answers401Problem()
    {
        using var client = ApiTestClient.WithToken(fixture.App, null);

        var response = await client.GetAsync("/api/v1/complaints");

        await ApiTestClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Complaints_ForgedToken_Answers401()
    {
        using var client = ApiTestClient.WithToken(fixture.App, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        await ApiTestClient.ProblemAsync(await client.GetAsync("/api/v1/complaints"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Complaints_PageCookieOnly_Answers401()
    {
        using var signedIn = await fixture.App.SignInAsync("supervisor");

        var response = await signedIn.GetAsync("/api/v1/complaints");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task SetActiveAsync(string userName, bool active)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        user!.IsActive = active;
        await users.UpdateAsync(user);
    }

    [Fact]
    public async Task Complaints_TokenAfterItsLifetime_Answers401()
    {
        var token = await ApiTestClient.TokenAsync(fixture.App, "supervisor");
        using var client = ApiTestClient.WithToken(fixture.App, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);

        fixture.App.Clock.Advance(TimeSpan.FromMinutes(62));

        await ApiTestClient.ProblemAsync(await client.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
    }
}

/// <summary>429 ProblemDetails from the token limiter (per address) and the API limiter (per user).</summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private readonly Infrastructure.DeskAppFactory _app = new();

    public ApiRateLimitTests()
    {
        _app.Settings["Api:TokenRequestsPerMinute"] = "3";
        _app.Settings["Api:RequestsPerMinute"] = "5";
    }

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Token_MoreThanTheLimit_Answers429ProblemWithRetryAfter()
    {
        using var client = ApiTestClient.WithToken(_app, null);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "manager", password = "Demo@2026" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK }, statuses.Take(3));
        var problem = await ApiTestClient.ProblemAsync(last!, (HttpStatusCode)429);
        Assert.Equal("rate-limit.exceeded", problem["ruleCode"]!.GetValue<string>());
        Assert.NotNull(last!.Headers.RetryAfter);
    }

    [Fact]
    public async Task Api_MoreThanTheUsersLimit_Answers429Problem()
    {
        var token = await ApiTestClient.TokenAsync(_app, "clerk");
        using var client = ApiTestClient.WithToken(_app, token);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/departments")).StatusCode);
        }

        await ApiTestClient.ProblemAsync(await client.GetAsync("/api/v1/departments"), (HttpStatusCode)429);
    }
}
