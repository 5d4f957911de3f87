using System.Security.Cryptography;
using System.Text;

namespace ComplaintDesk.Web.Api;

/// <summary>The <c>Jwt</c> configuration section: how API access tokens are signed and how long they live.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";
    public const string Issuer = "ComplaintDesk";
    public const string Audience = "ComplaintDesk";
    public const int MinimumKeyLength = 32;

    /// <summary>The HMAC-SHA256 key, at least 32 characters. Required outside Development and Testing.</summary>
    public string? SigningKey { get; set; }

    public int LifetimeMinutes { get; set; } = 60;

    /// <summary>A fixed key for Development and Testing only, so tokens survive a restart there.</summary>
    public static string DevelopmentKey { get; } =
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("ComplaintDesk development signing key – never in production")));

    public byte[] KeyBytes() => Encoding.UTF8.GetBytes(SigningKey ?? string.Empty);
}

/// <summary>The <c>Api</c> configuration section: request limits of the REST API.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Token requests per client address and minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 10;

    /// <summary>Requests per user (or address) and minute over the whole API.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Largest JSON request body in bytes; larger bodies answer 413.</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;
}
