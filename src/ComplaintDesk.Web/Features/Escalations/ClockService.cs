using ComplaintDesk.Data;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Features.Escalations;

/// <summary>The <c>Escalations</c> configuration section.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalations";

    /// <summary>Run the clock in this instance. Every instance may run it: each event is still recorded once.</summary>
    public bool ClockEnabled { get; set; } = true;
}

/// <summary>
/// The background clock: every <c>ClockIntervalSeconds</c> (a procedure setting) it runs <see cref="ClockCheck"/>
/// in a scope of its own, reading the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ClockService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<EscalationOptions> options,
    ILogger<ClockService> logger) : BackgroundService
{
    private const int DefaultSeconds = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ClockEnabled)
        {
            logger.LogInformation("The escalation clock is off in this instance");
            return;
        }

        try
        {
            var interval = await IntervalAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                using var timer = new PeriodicTimer(interval, clock);
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    await TickAsync(stoppingToken);
                    var next = await IntervalAsync(stoppingToken);
                    if (next != interval)
                    {
                        // The setting changed: start a timer with the new interval.
                        interval = next;
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var check = scope.ServiceProvider.GetRequiredService<ClockCheck>();
            var now = clock.GetUtcNow().UtcDateTime;
            var result = await check.RunOnceAsync(now, stoppingToken);
            var actions = await scope.ServiceProvider.GetRequiredService<CorrectiveActionClockCheck>().RunOnceAsync(now, stoppingToken);
            result = new ClockRunResult(result.Candidates + actions.Candidates, result.Recorded + actions.Recorded, result.Skipped + actions.Skipped);
            if (result.Recorded > 0 || result.Skipped > 0)
            {
                logger.LogInformation(
                    "Clock run: {Candidates} candidates, {Recorded} events recorded, {Skipped} skipped", result.Candidates, result.Recorded, result.Skipped);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; the clock never stops over one failure.
            logger.LogError(ex, "Clock run failed");
        }
    }

    private async Task<TimeSpan> IntervalAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var policy = await scope.ServiceProvider.GetRequiredService<ProcedurePolicies>().GetAsync(stoppingToken);
            return TimeSpan.FromSeconds(Math.Clamp(policy.ClockIntervalSeconds, 5, 3600));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Clock interval unreadable; using {Seconds} s", DefaultSeconds);
            return TimeSpan.FromSeconds(DefaultSeconds);
        }
    }
}
