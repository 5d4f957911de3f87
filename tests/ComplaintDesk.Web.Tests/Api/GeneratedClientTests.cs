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

    [Fact]
    public async Task GeneratedClient_RegistersDispatchesResolvesAndFollowsUp_UntilClosed()
    {
        using var clerkHttp = ApiTestClient.CreateContractClient(fixture.App);
        using var supervisorHttp = ApiTestClient.CreateContractClient(fixture.App);
        var clerk = await SignedInAsClerkAsync(clerkHttp);
        var supervisor = await SignedInAsync(supervisorHttp, "supervisor");
        var department = (await clerk.ListDepartmentsAsync()).First(d => d.IsActive);

        var registered = await clerk.RegisterComplaintAsync(body: new RegisterComplaintInput
        {
            ComplainantName = "钱女士",
            ComplainantKind = ComplainantKind.Owner,
            Phone = "13987654321",
            ProjectId = 1,
            Location = "2栋3单元502",
            Channel = Channel.Phone,
            TopicId = 1,
            Content = "楼道声控灯坏了一周，晚上看不见台阶。",
            Cause = Cause.ManagementService,
        });
        var dispatched = await clerk.DispatchAsync(registered.Id, body: new DispatchInput { DepartmentId = department.Id, AssigneeName = "王师傅" });
        var resolved = await clerk.ResolveAsync(registered.Id, expectedVersion: dispatched.Version, body: new NoteInput { Note = "已更换声控灯，现场试亮正常。" });
        var closed = await supervisor.RecordFollowUpAsync(registered.Id, body: new FollowUpInput
        {
            Method = FollowUpMethod.Phone,
            Outcome = FollowUpOutcome.Satisfied,
            Note = "业主确认灯已修好。",
        });

        Assert.Equal(ComplaintStatus.InProgress, dispatched.Status);
        Assert.Equal(department.Id, dispatched.DepartmentId);
        Assert.Equal(ComplaintStatus.Resolved, resolved.Status);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(FollowUpOutcome.Satisfied, Assert.Single(closed.FollowUps).Outcome);
        Assert.Equal(
            [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.Resolved, ComplaintStatus.Closed],
            closed.Timeline.Where(t => t.ToStatus is not null).Select(t => t.ToStatus).Distinct().ToList());
    }

    /// <summary>The generated client with a clerk's token, taken through the generated token operation.</summary>
    private static Task<DeskApiClient> SignedInAsClerkAsync(HttpClient http) => SignedInAsync(http, "clerk");

    private static async Task<DeskApiClient> SignedInAsync(HttpClient http, string userName)
    {
        var client = new DeskApiClient(http);
        var token = await client.IssueTokenAsync(new TokenRequest { UserName = userName, Password = "Demo@2026" });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
