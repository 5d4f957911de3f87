using System.Net;
using System.Text.Json.Nodes;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>POST /api/v1/classification: the intake page's classifier over JSON, nothing stored.</summary>
public sealed class ApiClassificationTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Classify_TenJointComplainants_IsMajorUnder312e()
    {
        var result = await ClassifyAsync(new { cause = "ManagementService", companyAtFault = true, complainantCount = 10 });

        Assert.Equal("A", result["type"]!.GetValue<string>());
        Assert.Equal("Major", result["severity"]!.GetValue<string>());
        var clause = Assert.Single(result["clauses"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "3.1.2(e)");
        Assert.False(string.IsNullOrWhiteSpace(clause!["explanation"]!.GetValue<string>()));
        Assert.Contains(result["explanations"]!.AsArray(), e => e!.GetValue<string>().StartsWith("3.1.2(e)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Classify_NineJointComplainants_IsNotAGroup()
    {
        var result = await ClassifyAsync(new { cause = "ManagementService", complainantCount = 9 });

        Assert.DoesNotContain(result["clauses"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "3.1.2(e)");
        Assert.NotEqual("Major", result["severity"]?.GetValue<string>());
    }

    [Fact]
    public async Task Classify_EngineeringQualityGroup_IsBWithoutSeverityAndFlagged()
    {
        var result = await ClassifyAsync(new { cause = "EngineeringQuality", complainantCount = 12 });

        Assert.Equal("B", result["type"]!.GetValue<string>());
        Assert.Null(result["severity"]);
        Assert.Contains("Group", result["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task Classify_External_IsC()
    {
        var result = await ClassifyAsync(new { cause = "External" });

        Assert.Equal("C", result["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Classify_ThirtyDaysUnresolved_IsMajorUnder312c()
    {
        var result = await ClassifyAsync(new { cause = "ManagementService", daysUnresolved = 30 });

        Assert.Equal("Major", result["severity"]!.GetValue<string>());
        Assert.Contains(result["clauses"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "3.1.2(c)");
    }

    [Fact]
    public async Task Classify_PromiseBrokenRaisedTwice_IsMajorUnder312a()
    {
        var result = await ClassifyAsync(new { cause = "ManagementService", promisedServiceNotDelivered = true, timesRaisedUnresolved = 2 });

        Assert.Contains(result["clauses"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "3.1.2(a)");
    }

    [Theory]
    [InlineData("{}", "cause", "请选择投诉原因。")]
    [InlineData("{\"cause\":\"Flood\"}", "cause", null)]
    [InlineData("{\"cause\":\"External\",\"complainantCount\":-1}", "complainantCount", "投诉人数必须在 1 到 100000 之间。")]
    [InlineData("{\"cause\":\"External\",\"daysUnresolved\":-5}", "daysUnresolved", null)]
    [InlineData("{\"cause\":\"External\",\"timesRaisedUnresolved\":\"two\"}", "timesRaisedUnresolved", null)]
    public async Task Classify_BadFacts_Answers400WithFieldError(string body, string field, string? message)
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var problem = await ApiTestClient.ProblemAsync(await clerk.PostRawAsync("/api/v1/classification", body), HttpStatusCode.BadRequest);

        var errors = problem["errors"]![field]!.AsArray();
        if (message is not null)
        {
            Assert.Equal(message, errors[0]!.GetValue<string>());
        }
    }

    private async Task<JsonNode> ClassifyAsync(object facts)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var before = await fixture.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Complaints));
        var result = await ApiTestClient.JsonAsync(await clerk.PostJsonAsync("/api/v1/classification", facts), HttpStatusCode.OK);
        Assert.Equal(before, await fixture.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Complaints)));
        return result;
    }
}
