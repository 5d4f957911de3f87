using System.Net;
using System.Text.RegularExpressions;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>Antiforgery on every form, cookie flags, and a content security policy the pages satisfy.</summary>
public sealed partial class FormsAndHeadersTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryPage_EachRole_PostFormsCarryAntiforgeryTokenAndNoInlineScriptOrStyle()
    {
        var ids = await RecordIds.CreateAsync(_app);
        var failures = new List<string>();
        var forms = 0;
        var clients = new List<(string Name, DeskClient Client)> { ("anonymous", _app.CreateDeskClient()) };
        foreach (var user in RoleMatrixTests.Users.Keys)
        {
            clients.Add((user, await _app.SignInAsync(user)));
        }

        foreach (var page in AppEndpoints.Pages(_app))
        {
            foreach (var url in ids.UrlsOf(page))
            {
                foreach (var (name, client) in clients)
                {
                    var response = await client.GetAsync(url);
                    var html = await response.Content.ReadAsStringAsync();
                    if (!response.Content.Headers.ContentType?.MediaType?.Equals("text/html", StringComparison.Ordinal) ?? true)
                    {
                        continue;
                    }

                    foreach (Match form in PostForm().Matches(html))
                    {
                        forms++;
                        if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                        {
                            failures.Add($"{name} GET {url}: a post form without antiforgery token: {form.Value[..Math.Min(120, form.Value.Length)]}");
                        }
                    }

                    if (InlineScript().IsMatch(html) || html.Contains(" style=\"", StringComparison.OrdinalIgnoreCase))
                    {
                        failures.Add($"{name} GET {url}: inline script or style attribute (the CSP blocks it)");
                    }
                }
            }
        }

        clients.ForEach(c => c.Client.Dispose());
        Assert.Empty(failures);
        Assert.True(forms > 10, $"only {forms} forms seen");
    }

    [Fact]
    public async Task AdminPost_WithoutAntiforgeryToken_Answers400AndSavesNothing()
    {
        using var admin = await _app.SignInAsync("admin");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "无令牌部门" });

        var response = await admin.Http.PostAsync(new Uri("/Admin/Departments/Edit", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Departments.AnyAsync(d => d.Name == "无令牌部门")));
    }

    [Fact]
    public async Task LoginPost_WithoutAntiforgeryToken_Answers400()
    {
        using var client = _app.CreateDeskClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = DemoData.DemoPassword });

        var response = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ChangePasswordPost_WithoutAntiforgeryToken_Answers400()
    {
        using var clerk = await _app.SignInAsync("clerk");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoData.DemoPassword,
            ["NewPassword"] = "Changed@2027",
            ["ConfirmPassword"] = "Changed@2027",
        });

        var response = await clerk.Http.PostAsync(new Uri("/Account/ChangePassword", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_LayoutForm_SignsOut()
    {
        using var clerk = await _app.SignInAsync("clerk");

        var response = await clerk.PostFormAsync("/Account/Logout", [], formPageUrl: "/");

        Assert.Equal("/Account/Login", Access.LocationPath(response));
        Assert.True(Access.IsChallenge(await clerk.GetAsync("/")));
    }

    [Fact]
    public async Task Cookies_SignInAndAntiforgery_AreHttpOnlyAndSecure()
    {
        using var client = _app.CreateDeskClient();
        var form = await client.GetAsync("/Account/Login");
        var signIn = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk", ["Password"] = DemoData.DemoPassword });

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();

        var auth = Assert.Single(cookies, c => c.StartsWith("ComplaintDesk.Auth=", StringComparison.Ordinal));
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("ComplaintDesk.Antiforgery=", StringComparison.Ordinal));
        foreach (var cookie in new[] { auth, antiforgery })
        {
            var flags = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(f => f.ToLowerInvariant()).ToList();
            Assert.Contains("httponly", flags);
            Assert.Contains("secure", flags);
            Assert.Contains(flags, f => f is "samesite=lax" or "samesite=strict");
        }
    }

    [Theory]
    [InlineData("/Admin")]
    [InlineData("/Admin/Staff")]
    [InlineData("/Admin/Settings")]
    [InlineData("/Admin/Topics/Edit/1")]
    public async Task AdminPages_Response_CarriesContentSecurityPolicy(string url)
    {
        using var admin = await _app.SignInAsync("admin");

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [GeneratedRegex("<form\\b[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PostForm();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
