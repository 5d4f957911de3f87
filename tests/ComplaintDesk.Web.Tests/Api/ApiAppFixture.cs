using System.Collections.Concurrent;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>One app and database for a test class, with rate limits high enough not to interfere and tokens cached per user.</summary>
public class ApiAppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public ApiAppFixture()
    {
        App.Settings["Api:TokenRequestsPerMinute"] = "1000";
        App.Settings["Api:RequestsPerMinute"] = "100000";
        App.Settings["Attachments:MaxBytes"] = "102400";
    }

    public DeskAppFactory App { get; } = new();

    public async Task<ApiTestClient> ClientAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            token = await ApiTestClient.TokenAsync(App, userName);
            _tokens[userName] = token;
        }

        return ApiTestClient.WithToken(App, token);
    }

    public async Task InitializeAsync() => await App.StartAsync();

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
