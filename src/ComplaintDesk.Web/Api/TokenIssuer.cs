using System.Security.Claims;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintDesk.Web.Api;

/// <summary>The outcome of a token request: a token, or why there is none.</summary>
public sealed record TokenOutcome(string? AccessToken, int ExpiresIn, string? FailureCode, string? FailureMessage);

/// <summary>
/// Checks a password with Identity (lockout counts) and issues a signed JWT carrying the same claims as the cookie:
/// user id, name, roles, projects, company-wide scope and display name.
/// </summary>
public sealed class TokenIssuer(
    SignInManager<StaffUser> signInManager,
    IOptions<JwtOptions> options,
    TimeProvider clock,
    ILogger<TokenIssuer> logger)
{
    /// <summary>Claims the token leaves out: they only serve the cookie's own checks.</summary>
    private static readonly HashSet<string> _skipped = new(StringComparer.Ordinal) { "AspNet.Identity.SecurityStamp", "amr" };

    public async Task<TokenOutcome> IssueAsync(string userName, string password)
    {
        var user = await signInManager.UserManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            logger.LogWarning("API token refused for unknown user {UserName}", userName);
            return Invalid();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("API token refused: user {UserName} is locked out", user.UserName);
            return new TokenOutcome(null, 0, "auth.locked-out", "登录失败次数过多，账号已锁定 15 分钟，请稍后再试。");
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("API token refused for user {UserName}: wrong password", user.UserName);
            return Invalid();
        }

        // Checked only after the password, so the answer tells a stranger nothing about the account.
        if (!user.IsActive)
        {
            logger.LogWarning("API token refused: user {UserName} is deactivated", user.UserName);
            return new TokenOutcome(null, 0, "auth.inactive", "该账号已停用，请联系系统管理员。");
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
