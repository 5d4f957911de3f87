using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.TimeLimits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>The procedure settings in force, as the domain's policy values.</summary>
public sealed record ProcedurePolicy(
    ClassificationPolicy Classification,
    TimeLimitPolicy TimeLimits,
    CompanyCalendar Calendar,
    TimeSpan GroupWindow,
    ProcedureSettings Settings);

/// <summary>
/// Reads the settings row. Each instance caches it for a few seconds only, so a change made through
/// one instance reaches the others within that time (nothing lives only in one process).
/// </summary>
public sealed class ProcedurePolicies(ComplaintDeskDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "procedure-policy";
    private static readonly TimeSpan _cacheFor = TimeSpan.FromSeconds(10);

    public async Task<ProcedurePolicy> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out ProcedurePolicy? cached) && cached is not null)
        {
            return cached;
        }

        var settings = await db.ProcedureSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == ProcedureSettings.SingletonId, cancellationToken)
            ?? new ProcedureSettings();
        var policy = From(settings);
        cache.Set(CacheKey, policy, _cacheFor);
        return policy;
    }

    public void Invalidate() => cache.Remove(CacheKey);

    public static ProcedurePolicy From(ProcedureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ProcedurePolicy(
            settings.ToClassificationPolicy(),
            settings.ToTimeLimitPolicy(),
            settings.ToCalendar(),
            TimeSpan.FromHours(settings.GroupWindowHours),
            settings);
    }
}
