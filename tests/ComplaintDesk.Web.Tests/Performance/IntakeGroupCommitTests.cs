using System.Net;
using System.Text.Json.Nodes;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Performance;

/// <summary>
/// Registrations written in groups through the write gate: every acknowledged complaint is stored with a number of its
/// own, and the validate-only POST checks the same body with the same rules and stores nothing.
/// </summary>
public sealed class IntakeGroupCommitTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Register_ManyAtOnce_EveryAcknowledgedComplaintStoredWithItsOwnNumber()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var marker = "并发登记" + Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            clerk.PostRawAsync("/api/v1/complaints", ApiTestClient.Registration(b => b["content"] = $"{marker} {i}").ToJsonString())));

        var bodies = await Task.WhenAll(responses.Select(r => ApiTestClient.JsonAsync(r, HttpStatusCode.Created)));
        var acknowledged = bodies.Select(b => (Id: b["id"]!.GetValue<long>(), Number: b["number"]!.GetValue<string>())).ToList();
        var stored = await fixture.App.WithDbAsync(db => db.Complaints.Where(c => c.Content.StartsWith(marker))
            .Select(c => new { c.Id, c.Number, c.Content }).ToListAsync());
        Assert.Equal(64, stored.Count);
        Assert.Equal(64, acknowledged.Select(a => a.Number).Distinct().Count());
        Assert.All(acknowledged, a => Assert.Contains(stored, s => s.Id == a.Id && s.Number == a.Number));
        Assert.All(Enumerable.Range(0, 64), i => Assert.Single(stored, s => s.Content == $"{marker} {i}"));
        var timelines = await fixture.App.WithDbAsync(db => db.TimelineEntries.CountAsync(t => stored.Select(s => s.Id).Contains(t.ComplaintId)));
        Assert.True(timelines >= 64, "every registration writes its timeline entry");
    }

    [Fact]
    public async Task Register_ManyAtOnce_NumbersFollowTheMonthsSequenceWithoutGaps()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            clerk.PostRawAsync("/api/v1/complaints", ApiTestClient.Registration().ToJsonString())));

        var numbers = (await Task.WhenAll(responses.Select(r => ApiTestClient.JsonAsync(r, HttpStatusCode.Created))))
            .Select(b => int.Parse(b["number"]!.GetValue<string>()[^4..], System.Globalization.CultureInfo.InvariantCulture))
            .Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 40), numbers);
    }

    [Fact]
    public async Task Allocator_RangeOfNumbers_IsConsecutiveAndNeverShared()
    {
        var month = new YearMonth(2031, 3);

        var (first, second, single) = await fixture.App.WithDbAsync(async db =>
        {
            var numbers = new ComplaintNumberAllocator(db);
            return (await numbers.NextAsync(month, 3), await numbers.NextAsync(month, 2), await numbers.NextAsync(month));
        });

        Assert.Equal(["TS2031030001", "TS2031030002", "TS2031030003"], first);
        Assert.Equal(["TS2031030004", "TS2031030005"], second);
        Assert.Equal("TS2031030006", single);
    }

    [Fact]
    public async Task Validate_ValidBody_Answers204AndStoresNothing()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var marker = "只检查" + Guid.NewGuid().ToString("N");
        var sequencesBefore = await fixture.App.WithDbAsync(db => db.MonthlySequences.SumAsync(s => s.LastValue));

        var response = await clerk.PostRawAsync("/api/v1/complaints/validate", ApiTestClient.Registration(b => b["content"] = marker).ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Complaints.CountAsync(c => c.Content == marker)));
        Assert.Equal(sequencesBefore, await fixture.App.WithDbAsync(db => db.MonthlySequences.SumAsync(s => s.LastValue)));
    }

    [Fact]
    public async Task Validate_MissingFields_Answers400WithTheRegistrationsFieldErrors()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var response = await clerk.PostRawAsync("/api/v1/complaints/validate", ApiTestClient.Registration(b =>
        {
            b.Remove("phone");
            b["content"] = string.Empty;
        }).ToJsonString());

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.Equals("phone", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.Key.Equals("content", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Validate_AnotherTeamsProject_Answers400LikeRegistration()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var validate = await clerk.PostRawAsync("/api/v1/complaints/validate", ApiTestClient.Registration(projectId: 3).ToJsonString());
        var register = await clerk.PostRawAsync("/api/v1/complaints", ApiTestClient.Registration(projectId: 3).ToJsonString());

        var problem = await ApiTestClient.ProblemAsync(validate, HttpStatusCode.BadRequest);
        await ApiTestClient.ProblemAsync(register, HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals("projectId", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Validate_Manager_Answers403()
    {
        using var manager = await fixture.ClientAsync("manager");

        var response = await manager.PostRawAsync("/api/v1/complaints/validate", ApiTestClient.Registration().ToJsonString());

        await ApiTestClient.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Validate_IsDocumentedInTheOpenApiDocument()
    {
        // docs/openapi.json is kept equal to the generated document by OpenApiDocumentTests.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "docs", "openapi.json")))
        {
            directory = directory.Parent;
        }

        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "docs", "openapi.json")))!;

        var operation = document["paths"]!["/api/v1/complaints/validate"]!["post"]!;
        Assert.NotNull(operation["responses"]!["204"]);
        Assert.NotNull(operation["responses"]!["400"]);
        Assert.NotNull(operation["requestBody"]);
    }
}
