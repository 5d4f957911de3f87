using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Caching.Memory;

namespace ComplaintDesk.Data;

/// <summary>How a change of the procedure policy ended.</summary>
public enum PolicyChangeOutcome
{
    Saved,

    /// <summary>Another administrator saved first; nothing was saved.</summary>
    Conflict,

    /// <summary>The policy breaks its own ranges (<see cref="PolicyChange.Problems"/>); nothing was saved.</summary>
    Invalid,
}

/// <summary>The outcome of <see cref="ProcedurePolicies.ChangeAsync"/>; the version is the stored one after it.</summary>
public sealed record PolicyChange(PolicyChangeOutcome Outcome, int Version, bool ClockReviewed, IReadOnlyList<string> Problems);

/// <summary>
/// The procedure policy in force, read from its settings row, and the one way to change it. Each instance caches the
/// policy for a few seconds only, so a change made through one instance reaches the others within that time.
/// </summary>
public sealed class ProcedurePolicies(ComplaintDeskDbContext db, IMemoryCache cache, WriteGate? gate = null)
{
    private const string CacheKey = "procedure-policy";
    private static readonly TimeSpan _cacheFor = TimeSpan.FromSeconds(10);

    public async Task<ProcedurePolicy> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out ProcedurePolicy? cached) && cached is not null)
        {
            return cached;
        }

        var (_, policy) = await GetWithVersionAsync(cancellationToken);
        cache.Set(CacheKey, policy, _cacheFor);
        return policy;
    }

    /// <summary>The stored policy and its version, uncached (what an editing form starts from).</summary>
    public async Task<(int Version, ProcedurePolicy Policy)> GetWithVersionAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.ProcedureSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == ProcedureSettings.SingletonId, cancellationToken)
            ?? new ProcedureSettings();
        return (settings.Version, settings.ToPolicy());
    }

    public void Invalidate() => cache.Remove(CacheKey);

    public static ProcedurePolicy From(ProcedureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ToPolicy();
    }

    /// <summary>
    /// Saves a new policy drawn from <paramref name="expectedVersion"/>, and when it changes what the clock may record
    /// (<see cref="ProcedurePolicy.RequiresClockReview"/>) marks every running complaint for the clock's next run, in
    /// the same transaction. Runs under the provider's execution strategy (a retrying strategy replays the whole).
    /// </summary>
    public async Task<PolicyChange> ChangeAsync(ProcedurePolicy policy, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = policy.Validate();
        if (problems.Count > 0)
        {
            return new PolicyChange(PolicyChangeOutcome.Invalid, expectedVersion, false, problems);
        }

        var reviewed = false;
        var version = expectedVersion;
        try
        {
            using (gate is null ? default : await gate.EnterAsync(cancellationToken))
            {
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var settings = await db.ProcedureSettings.SingleOrDefaultAsync(s => s.Id == ProcedureSettings.SingletonId, cancellationToken);
                    if (settings is null)
                    {
                        settings = new ProcedureSettings();
                        db.ProcedureSettings.Add(settings);
                    }

                    if (settings.Version != expectedVersion)
                    {
                        throw new DbUpdateConcurrencyException("The procedure settings changed meanwhile.");
                    }

                    reviewed = policy.RequiresClockReview(settings.ToPolicy());
                    settings.Apply(policy);
                    db.Entry(settings).Property(s => s.Version).OriginalValue = expectedVersion;
                    settings.Version = version = expectedVersion + 1;
                    await db.SaveChangesAsync(cancellationToken);
                    if (reviewed)
                    {
                        await MarkRunningForClockReview(db).ExecuteUpdateAsync(u => u.SetProperty(c => c.ClockDueAt, c => c.RegisteredAt), cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                });
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new PolicyChange(PolicyChangeOutcome.Conflict, (await GetWithVersionAsync(cancellationToken)).Version, false, []);
        }
        finally
        {
            Invalidate();
        }

        db.ChangeTracker.Clear();
        return new PolicyChange(PolicyChangeOutcome.Saved, version, reviewed, []);
    }

    /// <summary>
    /// The SQL a migration runs after changing the settings row so that every running complaint is looked at again
    /// under the new values (what <see cref="ChangeAsync"/> does at run time). Identifiers quoted for the provider.
    /// </summary>
    public static string ClockReviewSql(string? activeProvider)
    {
        var sqlServer = activeProvider?.EndsWith(".SqlServer", StringComparison.Ordinal) ?? false;
        string Quote(string name) => sqlServer ? $"[{name}]" : $"\"{name}\"";
        return $"UPDATE {Quote("Complaints")} SET {Quote("ClockDueAt")} = {Quote("RegisteredAt")} "
            + $"WHERE {Quote("Status")} NOT IN ({(int)ComplaintStatus.Closed}, {(int)ComplaintStatus.Withdrawn})";
    }

    private static IQueryable<Complaint> MarkRunningForClockReview(ComplaintDeskDbContext db) =>
        db.Complaints.Where(c => c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Withdrawn);
}

/// <summary>What a migration that changes the procedure settings calls after changing them.</summary>
public static class ProcedurePolicyMigrations
{
    /// <summary>Every running complaint is looked at again by the clock's next run (see <see cref="ProcedurePolicies.ChangeAsync"/>).</summary>
    public static void ReviewRunningClocks(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(ProcedurePolicies.ClockReviewSql(migrationBuilder.ActiveProvider));
    }
}
