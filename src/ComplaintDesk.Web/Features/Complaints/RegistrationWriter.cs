using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Data.Bulk;
using ComplaintDesk.Domain.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>
/// Writes queued registrations for <see cref="RegistrationQueue"/>'s writer: one scope per session of work. On SQLite the
/// session keeps its connection open, so the two prepared INSERT commands are parsed once per session instead of once per
/// group, and the connection's page cache (the indexes' right edges) stays warm and is larger while the session lasts.
/// </summary>
public sealed class RegistrationWriter(
    ComplaintDeskDbContext db,
    ProcedurePolicies policies,
    ComplaintNumberAllocator numbers,
    TimeProvider clock) : IAsyncDisposable
{
    /// <summary>Page cache of the writing connection while a session lasts (KiB); back to the pool's default after.</summary>
    public const int SessionCacheKibibytes = 8 * 1024;

    private static readonly System.Reflection.PropertyInfo _complaintId = typeof(Complaint).GetProperty(nameof(Complaint.Id))!;
    private static readonly System.Reflection.PropertyInfo _entryId = typeof(TimelineEntry).GetProperty(nameof(TimelineEntry.Id))!;
    private static readonly System.Reflection.PropertyInfo _entryComplaintId = typeof(TimelineEntry).GetProperty(nameof(TimelineEntry.ComplaintId))!;

    private bool _open;
    private long _complaintIdForEntries;
    private BulkTableWriter<Complaint>? _complaintWriter;
    private BulkTableWriter<TimelineEntry>? _timelineWriter;
    private BulkTableWriter<ComplaintSearchTerm>? _termWriter;

    /// <summary>
    /// Writes a group of registrations in one transaction and completes each after the commit. Not cancellable:
    /// it writes for other requests. When the group fails, each is written alone, so one bad registration
    /// fails only itself.
    /// </summary>
    public async Task WriteAsync(List<PendingRegistration> batch)
    {
        try
        {
            await OpenAsync();
            var deferred = batch;
            while (deferred.Count > 0)
            {
                var group = deferred;
                deferred = [];
                IReadOnlyList<Exception?> outcomes;
                try
                {
                    outcomes = await WriteGroupAsync(group, deferred);
                }
                catch (Exception) when (group.Count > 1)
                {
                    var single = new List<Exception?>();
                    foreach (var pending in group)
                    {
                        try
                        {
                            single.Add((await WriteGroupAsync([pending], deferred))[0]);
                        }
                        catch (Exception ex)
                        {
                            single.Add(ex);
                        }
                    }

                    outcomes = single;
                }

                for (var i = 0; i < group.Count; i++)
                {
                    if (outcomes[i] is { } failure)
                    {
                        group[i].Done.TrySetException(failure);
                    }
                }
            }
        }
        catch (Exception ex)
        {
            // Every registration of the batch learns the outcome; each request rethrows its own.
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _complaintWriter?.Dispose();
        _timelineWriter?.Dispose();
        _termWriter?.Dispose();
        if (_open)
        {
            _open = false;
            try
            {
                await SetCacheAsync(-SqliteConnectionSettings.CacheKibibytes);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>SQLite: the session's connection stays open (prepared statements, warm and larger page cache).</summary>
    private async Task OpenAsync()
    {
        if (_open || !db.Database.IsSqlite())
        {
            return;
        }

        await db.Database.OpenConnectionAsync();
        _open = true;
        await SetCacheAsync(-SessionCacheKibibytes);
    }

    private async Task SetCacheAsync(int cacheSize)
    {
        if (db.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } connection)
        {
            await SqliteStatements.SetCacheSizeAsync(connection, cacheSize);
        }
    }

    /// <summary>
    /// One transaction: the month's numbers at once, every complaint, their idempotency keys. A second registration
    /// with a key already in the group waits for the next group (<paramref name="deferred"/>), where it finds the first.
    /// Completes the stored ones after the commit; returns the failure of each one not stored (null when stored or deferred).
    /// </summary>
    private async Task<IReadOnlyList<Exception?>> WriteGroupAsync(List<PendingRegistration> group, List<PendingRegistration> deferred)
    {
        var policy = await policies.GetAsync(CancellationToken.None);
        var strategy = db.Database.CreateExecutionStrategy();
        var (outcomes, written, later) = await strategy.ExecuteAsync<object?, GroupOutcome>(null, async (_, _, ct) =>
        {
            db.ChangeTracker.Clear();
            var results = new Exception?[group.Count];
            var toWrite = new List<int>(group.Count);
            var toDefer = new List<PendingRegistration>();
            var keysInGroup = new HashSet<(string, string)>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = 0; i < group.Count; i++)
            {
                if (group[i].Claim is { } claim)
                {
                    if (!keysInGroup.Add((claim.UserId, claim.Key)))
                    {
                        toDefer.Add(group[i]);
                        continue;
                    }

                    var first = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == claim.UserId && k.Key == claim.Key, ct);
                    if (first is not null)
                    {
                        results[i] = new IdempotencyKeyTakenException(first);
                        continue;
                    }
                }

                toWrite.Add(i);
            }

            await ReferralTicketsAsync(group, toWrite, results, toDefer, ct);
            var created = new List<(int Index, Complaint Complaint)>(toWrite.Count);
            if (toWrite.Count > 0)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var allocated = await numbers.NextAsync(policy.Calendar.MonthOf(now), toWrite.Count, ct);
                for (var n = 0; n < toWrite.Count; n++)
                {
                    var pending = group[toWrite[n]];
                    var complaint = Complaint.Register(pending.Intake, allocated[n], pending.Actor, now, policy.Classification);
                    complaint.RefreshDeadlines(policy.TimeLimits, policy.Classification, now);
                    created.Add((toWrite[n], complaint));
                }

                if (db.Database.IsSqlite())
                {
                    InsertPrepared(created, ct);

                    // The prepared inserts bypass SaveChanges and so its report-version interceptor.
                    await ReportVersionInterceptor.BumpAsync(db, now, now, ct);
                }
                else
                {
                    db.Complaints.AddRange(created.Select(c => c.Complaint));
                    await db.SaveChangesAsync(ct);
                }

                var keys = 0;
                foreach (var (index, complaint) in created)
                {
                    if (group[index].Claim is { } claim)
                    {
                        db.IdempotencyKeys.Add(new IdempotencyKey
                        {
                            UserId = claim.UserId, Key = claim.Key, RequestHash = claim.RequestHash, ComplaintId = complaint.Id, CreatedAt = now,
                        });
                        keys++;
                    }
                }

                if (keys > 0)
                {
                    await db.SaveChangesAsync(ct);
                }
            }

            await transaction.CommitAsync(ct);
            return new GroupOutcome(results, created, toDefer);
        }, null, CancellationToken.None);

        db.ChangeTracker.Clear();
        deferred.AddRange(later);
        foreach (var (index, complaint) in written)
        {
            group[index].Done.TrySetResult(complaint);
        }

        return outcomes;
    }

    /// <summary>
    /// SQLite: the group's complaints and their timeline entries through two prepared INSERT statements, values bound by
    /// position and keys read as the connection's last rowid (BulkTableWriter's direct path; the statements run on the
    /// connection's handle, so inside the transaction open on it), made once per session; EF's SaveChanges would generate the SQL and track every row again for
    /// each registration. The entities get their keys as SaveChanges would give them.
    /// </summary>
    private void InsertPrepared(List<(int Index, Complaint Complaint)> created, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        _complaintWriter ??= new BulkTableWriter<Complaint>(db, connection);
        _timelineWriter ??= new BulkTableWriter<TimelineEntry>(
            db, connection, new Dictionary<string, Func<TimelineEntry, object?>> { ["ComplaintId"] = _ => _complaintIdForEntries });
        _termWriter ??= new BulkTableWriter<ComplaintSearchTerm>(db, connection);
        foreach (var (_, complaint) in created)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var complaintId = _complaintWriter.InsertAndGetRowId(complaint);
            _complaintIdForEntries = complaintId;
            _complaintId.SetValue(complaint, complaintId);
            foreach (var entry in complaint.Timeline)
            {
                var entryId = _timelineWriter.InsertAndGetRowId(entry);
                _entryId.SetValue(entry, entryId);
                _entryComplaintId.SetValue(entry, complaintId);
            }

            // The search index in the same transaction (what SearchIndexInterceptor does for SaveChanges).
            foreach (var token in SearchTokens.ForComplaint(complaint))
            {
                _termWriter.Insert(new ComplaintSearchTerm { Token = token, ComplaintId = complaintId });
            }
        }
    }

    /// <summary>
    /// A referring body's ticket number is on one complaint only (the unique index on source + ticket number). The request
    /// checked it before queueing, but two registrations of one ticket can pass that check at the same moment: a second
    /// one in the group waits for the next group, and one whose ticket is stored by now is refused with the complaint that
    /// has it (409 <c>referral.ticket-taken</c>), never by the index failing the group.
    /// </summary>
    private async Task ReferralTicketsAsync(
        List<PendingRegistration> group, List<int> toWrite, Exception?[] results, List<PendingRegistration> toDefer, CancellationToken ct)
    {
        var ticketsInGroup = new HashSet<(int, string)>();
        var kept = new List<int>(toWrite.Count);
        foreach (var i in toWrite)
        {
            if (group[i].Intake.Referral is not { } terms)
            {
                kept.Add(i);
                continue;
            }

            var ticket = terms.TicketNumber.Trim();
            if (!ticketsInGroup.Add((terms.SourceId, ticket)))
            {
                toDefer.Add(group[i]);
                continue;
            }

            var taken = await db.Complaints.AsNoTracking()
                .Where(c => c.Referral!.SourceId == terms.SourceId && c.Referral.TicketNumber == ticket)
                .Select(c => c.Number).FirstOrDefaultAsync(ct);
            if (taken is not null)
            {
                results[i] = new DomainRuleException(
                    RuleCodes.ReferralTicketTaken, $"{terms.SourceName.Trim()}工单号 {ticket} 已登记在投诉 {taken}，请勿重复登记。");
                continue;
            }

            kept.Add(i);
        }

        toWrite.Clear();
        toWrite.AddRange(kept);
    }

    private sealed record GroupOutcome(Exception?[] Failures, List<(int Index, Complaint Complaint)> Written, List<PendingRegistration> Deferred);
}
