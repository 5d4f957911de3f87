using System.Net.Http.Headers;
using ComplaintDesk.Web.Tests.Api.Generated;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>
/// The API used the way an integrator uses it: through a C# client generated from docs/openapi.json by NSwag at build
/// time (the test project's GenerateApiClient target). If the document and the server disagree on a field's name,
/// type, nullability or an enum's spelling, the generated client throws or reads a wrong value here.
/// </summary>
public sealed class GeneratedClientTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task GeneratedClient_RegistersReadsAndListsAComplaint_WithTheDocumentsTypes()
    {
        using var http = ApiTestClient.CreateContractClient(fixture.App);
        var client = await SignedInAsClerkAsync(http);

        var registered = await client.RegisterComplaintAsync(body: new RegisterComplaintInput
        {
            ComplainantName = "赵先生",
            ComplainantKind = ComplainantKind.Owner,
            Phone = "13812345678",
            ProjectId = 1,
            Location = "5栋1单元301",
            Channel = Channel.Phone,
            TopicId = 1,
            Content = "地下车库外墙渗水，墙皮脱落。",
            Cause = Cause.EngineeringQuality,
        });
        var detail = await client.GetComplaintAsync(registered.Id);

        Assert.Matches(@"^TS\d{10,}$", registered.Number);
        Assert.Equal(registered.Number, detail.Number);
        Assert.Equal(ComplaintType.B, detail.Type);
        Assert.Null(detail.Severity);
        Assert.Empty(detail.Flags);
        var first = Assert.Single(detail.Timeline);
        Assert.Null(first.FromStatus);
        Assert.Equal(ComplaintStatus.Registered, first.ToStatus);

        var list = await client.ListComplaintsAsync(type: ComplaintType.B, projectId: 1, pageSize: 50);

        Assert.Contains(list.Items, item => item.Number == registered.Number && item.Severity is null);
    }

    [Fact]
    public async Task GeneratedClient_AGroupComplaint_ReadsItsSeverityAndClauses()
    {
        using var http = ApiTestClient.CreateContractClient(fixture.App);
        var client = await SignedInAsClerkAsync(http);

        var registered = await client.RegisterComplaintAsync(body: new RegisterComplaintInput
        {
            ComplainantName = "业主代表",
            ComplainantKind = ComplainantKind.Owner,
            Phone = "13812345679",
            ProjectId = 1,
            Location = "3栋",
            Channel = Channel.Visit,
            TopicId = 1,
            Content = "电梯连续一周停运，十二户业主联名投诉。",
            Cause = Cause.ManagementService,
            ComplainantCount = 12,
        });
        var detail = await client.GetComplaintAsync(registered.Id);

        Assert.Equal(ComplaintType.A, detail.Type);
        Assert.Equal(Severity.Major, detail.Severity);
        Assert.Contains("3.1.2(e)", detail.Clauses);
        Assert.True(detail.IsGroup);
    }

    [Fact]
    public async Task GeneratedClient_BadInput_ThrowsTheDocumentsProblemDetailsWithRuleCodeAndTraceId()
    {
        using var http = ApiTestClient.CreateContractClient(fixture.App);
        var client = await SignedInAsClerkAsync(http);

        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => client.GetComplaintAsync(987_654_321));

        Assert.Equal(404, missing.StatusCode);
        Assert.False(string.IsNullOrEmpty(missing.Result.TraceId));
        Assert.False(string.IsNullOrEmpty(missing.Result.Detail));
    }

    /// <summary>The generated client with a clerk's token, taken through the generated token operation.</summary>
    private static async Task<DeskApiClient> SignedInAsClerkAsync(HttpClient http)
    {
        var client = new DeskApiClient(http);
        var token = await client.IssueTokenAsync(new TokenRequest { UserName = "clerk", Password = "Demo@2026" });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
