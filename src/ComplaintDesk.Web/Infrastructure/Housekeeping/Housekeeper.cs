using ComplaintDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Infrastructure.Housekeeping;

/// <summary>
/// Removes bookkeeping that would otherwise grow without end: idempotency keys past their retry window and report
/// snapshots not recomputed for a long time. Deletes in small batches through the write gate, so registrations wait
/// at most one batch; several instances may run it at once (deleting twice deletes nothing).
/// </summary>
public sealed class Housekeeper(ComplaintDeskDbContext db, WriteGate gate, IOptions<HousekeepingOptions> options)
{
    public const int BatchSize = 1_000;

    public async Task<HousekeepingResult> RunOnceAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var keysBefore = nowUtc - options.Value.IdempotencyKeysFor;
        var keys = 0;
        while (true)
        {
            // Oldest first by key: ids follow insertion time, so the scan stops early while old rows remain.
            var ids = await db.IdempotencyKeys.AsNoTracking()
                .Where(k => k.CreatedAt < keysBefore)
                .OrderBy(k => k.Id)
                .Select(k => k.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            using (await gate.EnterAsync(cancellationToken))
            {
                keys += await db.IdempotencyKeys.Where(k => ids.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            if (ids.Count < BatchSize)
            {
                break;
            }
        }

        var snapshotsBefore = nowUtc - options.Value.ReportSnapshotsFor;
        int snapshots;
        using (await gate.EnterAsync(cancellationToken))
        {
            snapshots = await db.ReportSnapshots.Where(s => s.ComputedAt < snapshotsBefore).ExecuteDeleteAsync(cancellationToken);
        }

        return new HousekeepingResult(keys, snapshots);
    }
}

public sealed record HousekeepingResult(int IdempotencyKeys, int ReportSnapshots);

/// <summary>Runs <see cref="Housekeeper"/> every <see cref="HousekeepingOptions.Interval"/>.</summary>
public sealed class HousekeepingService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<HousekeepingOptions> options, ILogger<HousekeepingService> logger)
    : PeriodicScopedService(scopes, clock, logger)
{
    protected override string JobName => "Housekeeping";

    protected override TimeSpan? Interval => options.Value.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<Housekeeper>().RunOnceAsync(nowUtc, cancellationToken);
        if (result.IdempotencyKeys + result.ReportSnapshots > 0)
        {
            logger.LogInformation(
                "Housekeeping removed {IdempotencyKeys} idempotency keys and {ReportSnapshots} report snapshots",
                result.IdempotencyKeys, result.ReportSnapshots);
        }
    }
}

public static class HousekeepingServiceCollectionExtensions
{
    public static IServiceCollection AddHousekeeping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HousekeepingOptions>().Bind(configuration.GetSection(HousekeepingOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Housekeeper>();
        services.AddHostedService<HousekeepingService>();
        return services;
    }
}
