using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Escalations;

/// <summary>
/// One run of the corrective actions' clock (整改措施, issue 17): finds the open actions whose <c>ClockDueAt</c> has come,
/// applies <see cref="CorrectiveActionClock"/> to their complaints and saves each 整改逾期 / 整改逾期升级 once, as a
/// timeline entry and an <see cref="EscalationEvent"/>, with the actions' next look. Exactly once across instances as
/// <see cref="ClockCheck"/>: the complaint's version token and the unique (complaint, kind, cycle) key.
/// </summary>
public sealed class CorrectiveActionClockCheck(
    ComplaintDeskDbContext db,
    ProcedurePolicies policies,
    WriteGate gate,
    NotificationService notifications,
    ILogger<CorrectiveActionClockCheck> logger)
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
            if (outcome >= 0)
            {
                recorded += outcome;
            }
            else
            {
                skipped++;
            }
        }

        return new ClockRunResult(candidates.Count, recorded, skipped);
    }

    /// <summary>The complaints with an open action whose next look has come: one range on IX_CorrectiveActions_ClockDueAt.</summary>
    public static IQueryable<long> Candidates(ComplaintDeskDbContext db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Domain.Investigations.CorrectiveAction>().AsNoTracking()
            .Where(a => a.ClockDueAt != null && a.ClockDueAt <= now)
            .Select(a => a.ComplaintId)
            .Distinct()
            .OrderBy(id => id);
    }

    /// <summary>Records what is due for one complaint's actions; the number recorded, -1 when skipped.</summary>
    private async Task<int> CheckAsync(long id, DateTime now, ProcedurePolicy policy, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var complaint = await db.Complaints.Include(c => c.CorrectiveActions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
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
        var look = CorrectiveActionClock.Look(complaint, existing, now, policy);
        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                // The actions' next looks (and, when something fired, the events and timeline entries with a new version).
                db.EscalationEvents().AddRange(look.Recorded.Select(EscalationEvent.From));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Corrective action clock skipped complaint {ComplaintNumber}: changed by someone else ({Error})", complaint.Number, ex.GetType().Name);
            return -1;
        }

        foreach (var escalation in look.Recorded)
        {
            logger.LogInformation("Clock recorded {Escalation} of complaint {ComplaintNumber}: {Detail}", escalation.Kind, complaint.Number, escalation.Detail);
        }

        if (look.Level2ToAnnounce is { } level2)
        {
            try
            {
                await notifications.NotifyAsync(complaint, $"投诉 {complaint.Number} {level2.Detail}。", cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Notifying about complaint {ComplaintNumber} failed", complaint.Number);
            }
        }

        return look.Recorded.Count;
    }
}
