using ComplaintDesk.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>Outside Development and Testing the signing key must be configured (validated at start); inside, a fixed dev key serves.</summary>
public sealed class JwtOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    public void SigningKey_ProductionMissingOrShort_FailsValidation(string? key)
    {
        using var services = Build("Production", key);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JwtOptions>>().Value);

        Assert.Contains("Jwt:SigningKey", string.Join(' ', error.Failures));
    }

    [Fact]
    public void SigningKey_ProductionConfigured_IsUsed()
    {
        using var services = Build("Production", "a-production-secret-of-at-least-32-characters");

        Assert.Equal("a-production-secret-of-at-least-32-characters", services.GetRequiredService<IOptions<JwtOptions>>().Value.SigningKey);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void SigningKey_DevelopmentOrTestingUnset_UsesTheFixedDevelopmentKey(string environment)
    {
        using var services = Build(environment, null);

        Assert.Equal(JwtOptions.DevelopmentKey, services.GetRequiredService<IOptions<JwtOptions>>().Value.SigningKey);
    }

    private static ServiceProvider Build(string environment, string? key)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (key is not null)
        {
            builder.Configuration["Jwt:SigningKey"] = key;
        }

        builder.AddComplaintDeskApi();
        return builder.Services.BuildServiceProvider();
    }
}
