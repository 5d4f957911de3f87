using System.Text;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps (pages, minimal APIs, controllers, health checks) refuses an anonymous request
/// with a redirect to sign-in or 401, except the few that must work before signing in.
/// </summary>
public sealed class EndpointEnumerationTests : IAsyncLifetime
{
    private static readonly HashSet<string> _anonymousAllowed =
        ["/Account/Login", "/Account/AccessDenied", "/Error", "/health/live", "/health/ready", "/api/v1/auth/token"];

    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryEndpoint_AnonymousRequest_RedirectsToSignInOrAnswers401()
    {
        using var client = _app.CreateDeskClient();
        var failures = new List<string>();
        var probed = new List<string>();
        foreach (var endpoint in AppEndpoints.All(_app))
        {
            var url = AppEndpoints.Url(endpoint.RoutePattern, _ => "1");
            if (_anonymousAllowed.Contains(url))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                ? declared
                : ["GET", "POST"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
                if (method is not ("GET" or "HEAD" or "OPTIONS" or "DELETE"))
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await client.Http.SendAsync(request);
                probed.Add($"{method} {url}");
                if (!Access.IsChallenge(response))
                {
                    failures.Add($"{method} {url} ({endpoint.DisplayName}) answered {Access.Describe(response)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains("GET /", probed);
        Assert.Contains("POST /Admin/Projects/Edit/1", probed);
        Assert.Contains("GET /Account/ChangePassword", probed);
    }

    [Fact]
    public async Task AllowList_Anonymous_Answers()
    {
        using var client = _app.CreateDeskClient();

        // The access-denied page answers 403 by design; the token endpoint is the API's sign-in (tested by the API's tests).
        foreach (var url in _anonymousAllowed.Where(u => u is not "/Account/AccessDenied" and not "/api/v1/auth/token"))
        {
            var response = await client.GetAsync(url);

            Assert.True(response.IsSuccessStatusCode, $"GET {url}: {Access.Describe(response)}");
        }
    }

    /// <summary>Paths served by middleware rather than endpoints (API documentation): never open to anonymous callers.</summary>
    [Theory]
    [InlineData("/swagger")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task MiddlewarePaths_Anonymous_AreNotServed(string url)
    {
        using var client = _app.CreateDeskClient();

        var response = await client.GetAsync(url);

        Assert.True(
            Access.IsChallenge(response) || response.StatusCode == System.Net.HttpStatusCode.NotFound,
            $"GET {url} answered {Access.Describe(response)}");
    }
}
