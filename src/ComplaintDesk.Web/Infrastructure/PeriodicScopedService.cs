namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// A background job that runs every <see cref="Interval"/> (on the injected clock) in a fresh service scope; a failed
/// run is logged and the next one comes at the next tick. <see cref="Interval"/> null: the job is off.
/// </summary>
public abstract class PeriodicScopedService(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The job's name in the log.</summary>
    protected abstract string JobName { get; }

    protected abstract TimeSpan? Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, DateTime nowUtc, CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RunOnceAsync(scope.ServiceProvider, clock.GetUtcNow().UtcDateTime, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Job} failed; it runs again at the next interval", JobName);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
