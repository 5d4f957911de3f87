using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Escalations;

/// <summary>What one run of the clock did.</summary>
public sealed record ClockRunResult(int Candidates, int Recorded, int Skipped);

/// <summary>
/// One run of the clock: finds the complaints whose <see cref="Complaint.ClockDueAt"/> has come, applies
/// <see cref="ClockRules"/> to each, and saves each overdue limit, escalation level and 3.1.2(c) upgrade once, as a
/// timeline entry and an <see cref="EscalationEvent"/> together with the complaint's next look. Safe with several
/// instances over one database: the complaint's version token and the unique (complaint, kind, cycle) key let only
/// one of them record an event; the loser skips and looks again on its next run.
/// </summary>
public sealed class ClockCheck(
    ComplaintDeskDbContext db,
    ProcedurePolicies policies,
    WriteGate gate,
    IEnumerable<IComplaintEventHandler> eventHandlers,
    NotificationService notifications,
    ILogger<ClockCheck> logger)
{
    public async Task<ClockRunResult> RunOnceAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        var candidates = await Candidates(db, now).ToListAsync(cancellationToken);
        int recorded = 0, skipped = 0;
        foreach (var id in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await CheckAsync(id, now, policy, cancellationToken);
            if (outcome > 0)
            {
                recorded += outcome;
            }
            else if (outcome < 0)
            {
                skipped++;
            }
        }

        return new ClockRunResult(candidates.Count, recorded, skipped);
    }

    /// <summary>
    /// Everything with something to look at by <paramref name="now"/>: one range on IX_Complaints_ClockDueAt, which each
    /// look moves on to the complaint's next instant, so a complaint whose escalations are all recorded is not read again.
    /// </summary>
    public static IQueryable<long> Candidates(ComplaintDeskDbContext db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Complaints.AsNoTracking()
            .Where(c => c.ClockDueAt != null && c.ClockDueAt <= now)
            .OrderBy(c => c.Id)
            .Select(c => c.Id);
    }

    /// <summary>Records what is due for one complaint; the number recorded, 0 when nothing, -1 when skipped.</summary>
    private async Task<int> CheckAsync(long id, DateTime now, ProcedurePolicy policy, CancellationToken cancellationToken)
    {
        // Reading and evaluating need no gate (SQLite readers never wait in WAL mode); only the writes enter it, and
        // the complaint's Version token turns a change made meanwhile into a skip.
        db.ChangeTracker.Clear();
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return 0;
        }

        var existing = (await db.EscalationEvents().AsNoTracking()
                .Where(e => e.ComplaintId == id)
                .Select(e => new { e.Kind, e.Cycle })
                .ToListAsync(cancellationToken))
            .Select(e => (e.Kind, e.Cycle))
            .ToHashSet();
        var lookedAt = complaint.ClockDueAt;
        var look = ClockRules.Look(complaint, existing, now, policy);
        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                var entry = db.Entry(complaint);
                entry.DetectChanges();
                if (look.Recorded.Count == 0 && !entry.Property(c => c.NextDueAt).IsModified && !entry.Property(c => c.ResolutionDue).IsModified)
                {
                    // Nothing new: only the next look moves on, unless the complaint changed meanwhile (its change set
                    // its own). Not through SaveChanges, so no report month is marked changed and the version stays.
                    var next = complaint.ClockDueAt;
                    var version = complaint.Version;
                    await db.Complaints
                        .Where(c => c.Id == id && c.Version == version && c.ClockDueAt == lookedAt)
                        .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClockDueAt, next), cancellationToken);
                    return 0;
                }

                // One SaveChanges: the events, the timeline entries, the due instants and the next look go in together
                // (refreshed due instants without events: the limits changed since the complaint's last change).
                db.EscalationEvents().AddRange(look.Recorded.Select(EscalationEvent.From));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex)
        {
            // Another instance or a person changed it first (version changed or the unique key hit); the next run looks again.
            db.ChangeTracker.Clear();
            logger.LogInformation("Clock skipped complaint {ComplaintNumber}: changed by someone else ({Error})", complaint.Number, ex.GetType().Name);
            return -1;
        }

        foreach (var escalation in look.Recorded)
        {
            logger.LogInformation("Clock recorded {Escalation} of complaint {ComplaintNumber}: {Detail}", escalation.Kind, complaint.Number, escalation.Detail);
        }

        await PublishAsync(complaint, look.Level2ToAnnounce, cancellationToken);
        return look.Recorded.Count;
    }

    private async Task PublishAsync(Complaint complaint, Escalation? level2, CancellationToken cancellationToken)
    {
        var events = complaint.Events.ToList();
        complaint.ClearEvents();
        try
        {
            foreach (var complaintEvent in events)
            {
                foreach (var handler in eventHandlers)
                {
                    await handler.HandleAsync(complaint, complaintEvent, cancellationToken);
                }
            }

            if (level2 is not null)
            {
                await notifications.NotifyAsync(complaint, $"投诉 {complaint.Number} {level2.Detail}。", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed notification never undoes what the clock recorded.
            logger.LogError(ex, "Notifying about complaint {ComplaintNumber} failed", complaint.Number);
        }
    }
}
