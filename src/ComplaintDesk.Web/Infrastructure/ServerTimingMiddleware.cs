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
    public static bool IsUnavailable(Exception? exception)
    {
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
