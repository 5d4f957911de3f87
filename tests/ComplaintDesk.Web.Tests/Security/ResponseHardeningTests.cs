using System.Net;
using System.Net.Http.Headers;
using ComplaintDesk.Web.Tests.Api;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>Status codes, logs, hosts, enums and caching as issue 18 found them wanting.</summary>
public sealed class ResponseHardeningTests : IAsyncLifetime
{
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly DeskAppFactory _app = new();

    public ResponseHardeningTests()
    {
        _app.Settings["Serilog:MinimumLevel:Default"] = "Information";
        _app.Settings["Api:RequestsPerMinute"] = "100000";
        _app.Settings["Api:TokenRequestsPerMinute"] = "1000";
        _app.Settings["Attachments:MaxBytes"] = "102400";
    }

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Upload_ThirtyInParallel_StoresAtMostTwentyAndNeverAnswers500()
    {
        using var clerk = await ApiTestClient.ForAsync(_app, "clerk");
        var id = await clerk.RegisterAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var file = new ByteArrayContent(_png);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var form = new MultipartFormDataContent { { file, "file", $"现场{i}.png" } };
            using var response = await clerk.Http.PostAsync(new Uri($"/api/v1/complaints/{id}/attachments", UriKind.Relative), form);
            return response.StatusCode;
        }));

        var stored = await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ComplaintId == id));
        Assert.True(stored <= 20, $"{stored} attachments stored");
        Assert.Equal(stored, answers.Count(a => a == HttpStatusCode.Created));
        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        if (!TestPostgres.Enabled)
        {
            // Behind SQLite's write gate the uploads take turns: exactly the cap is reached.
            Assert.Equal(20, stored);
        }
    }

    [Fact]
    public async Task ClientErrors_AreLoggedWithTheirStatusAtInformationWithoutStackTrace()
    {
        using var clerk = await ApiTestClient.ForAsync(_app, "clerk");
        var id = await clerk.RegisterAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync("/api/v1/complaints?status=Bogus")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/api/v1/complaints/99999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostJsonAsync($"/api/v1/complaints/{id}/follow-up", new { method = "Phone", outcome = "Satisfied" })).StatusCode);

        // The request log line is written once the answer is complete, which the client may see a moment earlier.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_app.Log.Events.Count(e => e.Properties.ContainsKey("StatusCode")) < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var logged = _app.Log.RequestsTo("/api/v1/complaints")
            .Concat(_app.Log.RequestsTo("/api/v1/complaints/99999999"))
            .Concat(_app.Log.RequestsTo($"/api/v1/complaints/{id}/follow-up")).ToList();
        Assert.True(
            logged.Select(StatusOf).Where(s => s >= 400).Order().SequenceEqual([400, 404, 409]),
            string.Join("\n", _app.Log.Events.Select(e => $"{e.Level} {e.RenderMessage()}")));
        Assert.All(logged, e => Assert.Equal(LogEventLevel.Information, e.Level));
        Assert.DoesNotContain(_app.Log.Events, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(_app.Log.Events, e => e.Exception is not null);
    }

    [Theory]
    [InlineData("/Error?code=1")]
    [InlineData("/Error?code=999")]
    [InlineData("/Error?code=302")]
    public async Task ErrorPage_StatusInQueryString_IsIgnored(string url)
    {
        using var client = _app.CreateDeskClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("出错了", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ErrorPage_ForAMissingRecord_StillAnswers404InChinese()
    {
        using var clerk = await _app.SignInAsync("clerk");

        var response = await clerk.GetAsync("/Complaints/99999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_ForeignHostHeader_IsRefused()
    {
        using var client = _app.CreateDeskClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Complaints");
        request.Headers.Host = "evil.example";

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignInRedirect_IsRelative()
    {
        using var client = _app.CreateDeskClient();

        var response = await client.GetAsync("/Complaints");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.OriginalString);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location.OriginalString);
    }

    [Theory]
    [InlineData("status=1")]
    [InlineData("status=Registered,Closed")]
    [InlineData("status=registered")]
    [InlineData("status=Registered&status=Closed")]
    [InlineData("sort=0")]
    public async Task ListQuery_EnumNotExactlyOneName_Answers400ListingTheNames(string query)
    {
        using var clerk = await ApiTestClient.ForAsync(_app, "clerk");

        var problem = await ApiTestClient.ProblemAsync(await clerk.GetAsync("/api/v1/complaints?" + query), HttpStatusCode.BadRequest);

        var field = query[..query.IndexOf('=', StringComparison.Ordinal)];
        Assert.Contains("可选：", problem["errors"]![field]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"phone\"")]
    [InlineData("1")]
    [InlineData("\"Phone, Visit\"")]
    public async Task Register_EnumInBodyNotAName_Answers400ListingTheNames(string channel)
    {
        using var clerk = await ApiTestClient.ForAsync(_app, "clerk");
        var body = ApiTestClient.Registration().ToJsonString().Replace("\"channel\":\"Phone\"", "\"channel\":" + channel, StringComparison.Ordinal);

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/complaints", body), HttpStatusCode.BadRequest);

        Assert.Contains("可选：", problem["errors"]!["channel"]![0]!.GetValue<string>());
        Assert.Contains("Phone", problem["errors"]!["channel"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SignedInAnswers_CarryNoStore_StaticFilesDoNot()
    {
        using var api = await ApiTestClient.ForAsync(_app, "clerk");
        var id = await api.RegisterAsync();
        var file = new ByteArrayContent(_png);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", "现场.png" } };
        var uploaded = await ApiTestClient.JsonAsync(await api.Http.PostAsync(new Uri($"/api/v1/complaints/{id}/attachments", UriKind.Relative), form), HttpStatusCode.Created);
        using var page = await _app.SignInAsync("clerk");

        var answers = new[]
        {
            await page.GetAsync("/Complaints"),
            await page.GetAsync($"/Complaints/{id}"),
            await page.GetAsync($"/Complaints/{id}/Print"),
            await api.GetAsync(uploaded["href"]!.GetValue<string>()),
            await api.GetAsync($"/api/v1/complaints/{id}"),
            await api.GetAsync("/api/v1/complaints"),
        };
        var css = await page.GetAsync("/css/site.css");

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
            Assert.True(a.Headers.CacheControl?.NoStore == true, $"{a.RequestMessage!.RequestUri}: {a.Headers.CacheControl}");
        });
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    private static int StatusOf(LogEvent e) =>
        e.Properties["StatusCode"] is ScalarValue { Value: int status } ? status : 0;
}
