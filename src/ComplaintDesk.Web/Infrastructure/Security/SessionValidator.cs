using System.Collections.Concurrent;
using System.Security.Claims;
using ComplaintDesk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Infrastructure.Security;

/// <summary>
/// Ends sessions: every cookie and bearer token carries the account's security stamp, and a request is let through
/// only while the stamp is the account's current one and the account is active. Sign-out, a password change,
/// deactivation and an administrator's reset change the stamp in the database, so every instance refuses the old
/// cookies and tokens once its short cache (<see cref="AppOptions.SessionCheckSeconds"/>) has passed; the instance that
/// made the change forgets at once.
/// </summary>
public sealed class SessionValidator(TimeProvider clock, IOptions<AppOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, ComplaintDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(StampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(userId, out var entry) || now - entry.ReadAt >= TimeSpan.FromSeconds(options.Value.SessionCheckSeconds))
        {
            (string? SecurityStamp, bool IsActive)? row;
            try
            {
                var found = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                    .Select(u => new { u.SecurityStamp, u.IsActive })
                    .SingleOrDefaultAsync(cancellationToken);
                row = found is null ? null : (found.SecurityStamp, found.IsActive);
            }
            catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
            {
                // The database is away: nothing behind sign-in can be read or written now (those requests answer 503),
                // so the cookie is not thrown away for it; the stamp is checked again once the database is back.
                return entry?.Stamp is null || string.Equals(entry.Stamp, stamp, StringComparison.Ordinal);
            }

            entry = new Entry(row is { IsActive: true } current ? current.SecurityStamp : null, now);
            if (_cache.Count > 10_000)
            {
                _cache.Clear();
            }

            _cache[userId] = entry;
        }

        return entry.Stamp is not null && string.Equals(entry.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>Drops what this instance remembers of an account (call after changing its stamp).</summary>
    public void Forget(string userId) => _cache.TryRemove(userId, out _);

    public const string StampClaimType = "AspNet.Identity.SecurityStamp";

    /// <summary>The cookie's check on every request (replaces Identity's five-minute stamp validator).</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var validator = services.GetRequiredService<SessionValidator>();
        if (!await validator.IsCurrentAsync(context.Principal, services.GetRequiredService<ComplaintDeskDbContext>(), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private sealed record Entry(string? Stamp, DateTimeOffset ReadAt);
}
