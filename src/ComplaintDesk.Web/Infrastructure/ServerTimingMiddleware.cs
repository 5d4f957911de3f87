using System.Diagnostics;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> to every response: the time the app spent, which load scripts and
/// browsers' developer tools read without a profiler.
/// </summary>
public sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"app;dur={elapsed:F1}");
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>Recognises failures that mean the database cannot be reached (as opposed to a bug).</summary>
public static class DatabaseFailures
{
    /// <summary>A write lost to a concurrent one: EF's concurrency token, or PostgreSQL's serialization failure or
    /// deadlock (SQLSTATE 40001, 40P01). Answered 409, never 500.</summary>
    public static bool IsConcurrencyConflict(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException
                || (e is System.Data.Common.DbException db && db.SqlState is "40001" or "40P01"))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsUnavailable(Exception? exception)
    {
        if (IsConcurrencyConflict(exception))
        {
            return false;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException or TimeoutException
                || e.GetType().Name is "RetryLimitExceededException")
            {
                return true;
            }
        }

        return false;
    }
}
