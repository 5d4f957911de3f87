using System.Data.Common;
using System.Globalization;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintDesk.Data;

/// <summary>
/// Keeps <see cref="ReportMonthVersion"/> current: when a SaveChanges adds, changes or deletes a complaint or a
/// follow-up, the months whose report figures it can move get a new stamp, written by the same SaveChanges (and so
/// in the same transaction) as the change itself. Report snapshots carry the stamps they were computed under and
/// are recomputed once a stamp differs. Months are cut in UTC widened by 14 hours on each side, so this needs no
/// time zone: an instant near a month's edge bumps both months (docs/decisions/0006-report-snapshots.md).
/// </summary>
public sealed class ReportVersionInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Widest distance of any time zone from UTC.</summary>
    private static readonly TimeSpan _zoneReach = TimeSpan.FromHours(14);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && MonthsToBump(context) is { Count: > 0 } months)
        {
            foreach (var month in months)
            {
                try
                {
                    Ensure(context, month);
                }
                catch (DbException) when (InsertIfAbsent.IsSqlServer(context))
                {
                    // Another instance inserted the row between the check and the insert: it exists now.
                }
            }

            Stamp(context, months);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && MonthsToBump(context) is { Count: > 0 } months)
        {
            foreach (var month in months)
            {
                try
                {
                    await EnsureAsync(context, month, cancellationToken);
                }
                catch (DbException) when (InsertIfAbsent.IsSqlServer(context))
                {
                    // Another instance inserted the row between the check and the insert: it exists now.
                }
            }

            Stamp(context, months);
        }

        return result;
    }

    /// <summary>
    /// Gives the master version a new stamp, which invalidates every report snapshot: for writers that bypass
    /// SaveChanges (the data generator's bulk inserts), after they commit.
    /// </summary>
    public static async Task InvalidateAllAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await EnsureAsync(context, ReportMonthVersion.MasterKey, cancellationToken);
        var stamp = NewStamp();
        await context.Set<ReportMonthVersion>().Where(v => v.Month == ReportMonthVersion.MasterKey)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Stamp, stamp), cancellationToken);
    }

    /// <summary>
    /// New stamps for the months an instant range can count in, written at once in the current transaction: for
    /// writers that insert complaints without SaveChanges (the desk's prepared group inserts on SQLite).
    /// </summary>
    public static async Task BumpAsync(DbContext context, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var months = new HashSet<string>(StringComparer.Ordinal);
        AddRange(months, fromUtc, toUtc);
        foreach (var month in months)
        {
            await EnsureAsync(context, month, cancellationToken);
            var stamp = NewStamp();
            await context.Set<ReportMonthVersion>().Where(v => v.Month == month)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Stamp, stamp), cancellationToken);
        }
    }

    /// <summary>The months whose figures the pending changes can move, and <see cref="ReportMonthVersion.MasterKey"/>
    /// when names or settings change.</summary>
    public IReadOnlySet<string> MonthsToBump(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var months = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Complaint complaint:
                    ComplaintMonths(entry, complaint, now, months);
                    break;
                case FollowUp followUp:
                    AddRange(months, followUp.At, followUp.At);
                    if (entry.State == EntityState.Modified)
                    {
                        var original = (DateTime)entry.Property(nameof(FollowUp.At)).OriginalValue!;
                        AddRange(months, original, original);
                    }

                    break;
                case Project or Department or Topic or ProcedureSettings:
                    months.Add(ReportMonthVersion.MasterKey);
                    break;
            }
        }

        return months;
    }

    /// <summary>A month's key for an instant in UTC (as the report's version rows use it).</summary>
    public static string MonthKey(DateTime utc) => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static void ComplaintMonths(EntityEntry entry, Complaint complaint, DateTime now, HashSet<string> months)
    {
        AddRange(months, now, now);
        if (entry.State is EntityState.Added or EntityState.Deleted)
        {
            // Everything from its registration on can count it: received, resolved, open at each month's end.
            AddRange(months, Min(complaint.RegisteredAt, now), now);
            return;
        }

        AddRange(months, complaint.RegisteredAt, complaint.RegisteredAt);
        var originalRegistered = Original(entry, nameof(Complaint.RegisteredAt));
        if (originalRegistered is { } r)
        {
            AddRange(months, r, r);
        }

        // Resolved in the month and its follow-up rate count in the month of ResolvedAt, old and new.
        foreach (var name in new[] { nameof(Complaint.ResolvedAt), nameof(Complaint.ClosedAt) })
        {
            if (Original(entry, name) is { } before)
            {
                AddRange(months, before, before);
            }

            if (Current(entry, name) is { } after)
            {
                AddRange(months, after, after);
            }
        }

        // Open and overdue at each month's end: a changed resolution, withdrawal or due instant moves every month
        // between its old and new value (an empty one means "still open": now). A reopening moves every month
        // from the old resolution to now.
        foreach (var name in new[] { nameof(Complaint.ResolvedAt), nameof(Complaint.WithdrawnAt), nameof(Complaint.ResolutionDue) })
        {
            var property = entry.Property(name);
            if (!property.IsModified)
            {
                continue;
            }

            var before = (DateTime?)property.OriginalValue ?? now;
            var after = (DateTime?)property.CurrentValue ?? now;
            var from = Max(Min(before, after), complaint.RegisteredAt);
            var to = Min(Max(before, after), now);
            if (from <= to)
            {
                AddRange(months, from, to);
            }
        }
    }

    private static DateTime? Original(EntityEntry entry, string name)
    {
        var property = entry.Property(name);
        return property.IsModified ? (DateTime?)property.OriginalValue : null;
    }

    private static DateTime? Current(EntityEntry entry, string name) => (DateTime?)entry.Property(name).CurrentValue;

    /// <summary>Every UTC month that a local month containing any instant of [from, to] can start in.</summary>
    private static void AddRange(HashSet<string> months, DateTime from, DateTime to)
    {
        var first = from - _zoneReach;
        var last = to + _zoneReach;
        var cursor = new DateTime(first.Year, first.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        while (cursor <= last)
        {
            months.Add(MonthKey(cursor));
            cursor = cursor.AddMonths(1);
        }
    }

    private static void Stamp(DbContext context, IEnumerable<string> months)
    {
        var set = context.Set<ReportMonthVersion>();
        foreach (var month in months)
        {
            var stamp = NewStamp();
            var entry = set.Local.FindEntry(month);
            if (entry is null)
            {
                entry = set.Attach(new ReportMonthVersion { Month = month, Stamp = stamp });
            }
            else
            {
                entry.Entity.Stamp = stamp;
            }

            entry.Property(v => v.Stamp).IsModified = true;
        }
    }

    /// <summary>A new stamp, never the one before (0 is what a new row starts with).</summary>
    private static long NewStamp() => Random.Shared.NextInt64(1, long.MaxValue);

    private static void Ensure(DbContext context, string month) =>
        InsertIfAbsent.KeyValue(context, "ReportMonthVersions", nameof(ReportMonthVersion.Month), nameof(ReportMonthVersion.Stamp), month, 0);

    private static Task EnsureAsync(DbContext context, string month, CancellationToken cancellationToken) =>
        InsertIfAbsent.KeyValueAsync(
            context, "ReportMonthVersions", nameof(ReportMonthVersion.Month), nameof(ReportMonthVersion.Stamp), month, 0, cancellationToken);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
