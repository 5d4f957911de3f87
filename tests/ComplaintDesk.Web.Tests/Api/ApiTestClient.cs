using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>Calls the API as an integrator would: JSON over HTTP with a bearer token.</summary>
public sealed class ApiTestClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static async Task<string> TokenAsync(DeskAppFactory app, string userName, string password = "Demo@2026")
    {
        using var client = CreateContractClient(app);
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token for {userName}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    public static async Task<ApiTestClient> ForAsync(DeskAppFactory app, string userName)
    {
        await app.StartAsync();
        var token = await TokenAsync(app, userName);
        return WithToken(app, token);
    }

    public static ApiTestClient WithToken(DeskAppFactory app, string? token)
    {
        var client = CreateContractClient(app);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new ApiTestClient(client);
    }

    /// <summary>An HttpClient whose every answer is checked against docs/openapi.json (<see cref="ApiContract"/>).</summary>
    public static HttpClient CreateContractClient(DeskAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.CreateDefaultClient(new Uri("https://localhost"), new ContractCheckingHandler());
    }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(new Uri(url, UriKind.Relative));

    public Task<HttpResponseMessage> PostJsonAsync(string url, object? body) =>
        http.PostAsync(new Uri(url, UriKind.Relative), new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostRawAsync(string url, string body, string contentType = "application/json") =>
        http.PostAsync(new Uri(url, UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 7807 answer with the status and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    /// <summary>A valid registration body; change fields with <paramref name="change"/>.</summary>
    public static JsonObject Registration(Action<JsonObject>? change = null, int projectId = 1)
    {
        var body = new JsonObject
        {
            ["complainantName"] = "王女士",
            ["complainantKind"] = "Owner",
            ["phone"] = "13812341234",
            ["projectId"] = projectId,
            ["location"] = "3栋2单元1502",
            ["channel"] = "Phone",
            ["topicId"] = 1,
            ["content"] = "楼道灯坏了一周，报修两次无人处理。",
            ["cause"] = "ManagementService",
        };
        change?.Invoke(body);
        return body;
    }

    public async Task<long> RegisterAsync(Action<JsonObject>? change = null, int projectId = 1)
    {
        var response = await PostRawAsync("/api/v1/complaints", Registration(change, projectId).ToJsonString());
        var body = await JsonAsync(response, HttpStatusCode.Created);
        return body["id"]!.GetValue<long>();
    }

    public async Task<JsonNode> MoveAsync(long id, string move, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await PostJsonAsync($"/api/v1/complaints/{id}/{move}", body);
        return expected == HttpStatusCode.OK ? await JsonAsync(response, expected) : await ProblemAsync(response, expected);
    }

    public void Dispose() => http.Dispose();
}
