using System.Collections.Concurrent;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace ComplaintDesk.Web.Infrastructure.Security;

/// <summary>
/// Counts failures per key (a user name with the client's address; a user changing their password) and refuses a
/// key for <see cref="Lockout"/> after <see cref="MaxFailures"/> failures within it. Kept per instance
/// (docs/decisions/0009-sign-in-throttling.md).
/// </summary>
public sealed class FailureThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>Beyond this many keys, the ones whose window ended are swept before a new one is added.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public bool IsBlocked(string key) =>
        _windows.TryGetValue(key, out var window) && window.Failures >= MaxFailures && clock.GetUtcNow() < window.Start + Lockout;

    public void RecordFailure(string key)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > SweepAbove)
        {
            foreach (var (stale, window) in _windows)
            {
                if (now >= window.Start + Lockout)
                {
                    _windows.TryRemove(stale, out _);
                }
            }
        }

        _windows.AddOrUpdate(
            key,
            _ => new Window(now, 1),
            (_, window) => now >= window.Start + Lockout ? new Window(now, 1) : window with { Failures = window.Failures + 1 });
    }

    public void Reset(string key) => _windows.TryRemove(key, out _);

    private sealed record Window(DateTimeOffset Start, int Failures);
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    Throttled,
    Inactive,
}

/// <summary>The outcome of a password check; <see cref="User"/> is set when the password was right.</summary>
public sealed record SignInCheck(SignInStatus Status, StaffUser? User);

/// <summary>
/// The one password check of the sign-in page and the token endpoint. Every failure costs the same work (a hash is
/// verified for unknown names too) and answers the same; failures are throttled per user name and client address
/// before anything is looked up, so a stranger elsewhere cannot lock anyone out; a deactivated account is told so only
/// after the right password.
/// </summary>
public sealed class SignInGate(UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher, FailureThrottle throttle, ILogger<SignInGate> logger)
{
    private static readonly Lock _dummyLock = new();
    private static string? _dummyHash;

    public const string FailedMessage = "用户名或密码不正确。";
    public const string ThrottledMessage = "登录失败次数过多，请 15 分钟后再试。";
    public const string InactiveMessage = "该账号已停用，请联系系统管理员。";

    public async Task<SignInCheck> CheckAsync(string userName, string password, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(http);
        var name = userName.Trim();
        var key = "sign-in|" + name.ToUpperInvariant() + "|" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (throttle.IsBlocked(key))
        {
            logger.LogWarning("Sign-in for {UserName} from {Address} throttled", name, http.Connection.RemoteIpAddress);
            return new SignInCheck(SignInStatus.Throttled, null);
        }

        var user = await users.FindByNameAsync(name);
        bool valid;
        if (user?.PasswordHash is null)
        {
            // The same work as a real check, so the time taken does not tell whether the name exists.
            hasher.VerifyHashedPassword(new StaffUser(), DummyHash(), password);
            valid = false;
        }
        else
        {
            valid = await users.CheckPasswordAsync(user, password);
        }

        if (!valid || user is null)
        {
            throttle.RecordFailure(key);
            logger.LogWarning("Sign-in refused for {UserName} from {Address}", name, http.Connection.RemoteIpAddress);
            return new SignInCheck(SignInStatus.Failed, null);
        }

        throttle.Reset(key);
        return user.IsActive ? new SignInCheck(SignInStatus.Succeeded, user) : new SignInCheck(SignInStatus.Inactive, null);
    }

    private string DummyHash()
    {
        lock (_dummyLock)
        {
            return _dummyHash ??= hasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString("N"));
        }
    }
}
