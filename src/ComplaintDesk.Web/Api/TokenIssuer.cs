using System.Security.Claims;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintDesk.Web.Api;

/// <summary>The outcome of a token request: a token, or why there is none.</summary>
public sealed record TokenOutcome(string? AccessToken, int ExpiresIn, string? FailureCode, string? FailureMessage);

/// <summary>
/// Checks a password through <see cref="SignInGate"/> (the sign-in page's check) and issues a signed JWT carrying the same claims as the cookie:
/// user id, name, roles, projects, company-wide scope and display name.
/// </summary>
public sealed class TokenIssuer(
    SignInManager<StaffUser> signInManager,
    SignInGate gate,
    IHttpContextAccessor httpContextAccessor,
    IOptions<JwtOptions> options,
    TimeProvider clock,
    ILogger<TokenIssuer> logger)
{
    /// <summary>Claims the token leaves out: they only serve the cookie's own checks. (The security stamp stays: a token
    /// whose stamp is no longer the account's is refused, see <see cref="SessionValidator"/>.)</summary>
    private static readonly HashSet<string> _skipped = new(StringComparer.Ordinal) { "amr" };

    public async Task<TokenOutcome> IssueAsync(string userName, string password)
    {
        var http = httpContextAccessor.HttpContext ?? throw new InvalidOperationException("A token is issued within a request.");
        var check = await gate.CheckAsync(userName, password, http);
        if (check.Status == SignInStatus.Throttled)
        {
            return new TokenOutcome(null, 0, "auth.throttled", SignInGate.ThrottledMessage);
        }

        if (check.Status == SignInStatus.Inactive)
        {
            return new TokenOutcome(null, 0, "auth.inactive", SignInGate.InactiveMessage);
        }

        if (check is not { Status: SignInStatus.Succeeded, User: { } user })
        {
            return Invalid();
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.Value.LifetimeMinutes);
        var claims = principal.Claims.Where(c => !_skipped.Contains(c.Type)).ToList();
        claims.Add(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = JwtOptions.Issuer,
            Audience = JwtOptions.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.Value.KeyBytes()), SecurityAlgorithms.HmacSha256),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        logger.LogInformation("API token issued to {UserName}", user.UserName);
        return new TokenOutcome(handler.CreateToken(descriptor), (int)lifetime.TotalSeconds, null, null);
    }

    private static TokenOutcome Invalid() => new(null, 0, "auth.invalid-credentials", "用户名或密码不正确。");
}
