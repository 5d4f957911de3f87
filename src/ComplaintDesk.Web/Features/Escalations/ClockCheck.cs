using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Notifications;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Escalations;

/// <summary>What one run of the clock did.</summary>
public sealed record ClockRunResult(int Candidates, int Recorded, int Skipped);

/// <summary>
/// One run of the clock: finds open complaints whose limits have passed (with the stored NextDueAt and
/// status indexes), records each overdue limit, escalation level and 3.1.2(c) upgrade once, as a timeline
/// entry and an <see cref="EscalationEvent"/> saved together. Safe with several instances over one database:
/// the complaint's version token and the unique (complaint, kind, cycle) key let only one of them record an
/// event; the loser skips and looks again on its next run.
/// </summary>
public sealed class ClockCheck(
    ComplaintDeskDbContext db,
    ProcedurePolicies policies,
    WriteGate gate,
    IEnumerable<IComplaintEventHandler> eventHandlers,
    NotificationService notifications,
    ILogger<ClockCheck> logger)
{
    private static readonly ComplaintStatus[] _limitsRunning = [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.Resolved];
    private static readonly ComplaintStatus[] _notFinished =
        [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold, ComplaintStatus.Resolved];

    private static readonly ComplaintStatus[] _unresolved = [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold];

    public async Task<ClockRunResult> RunOnceAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        var candidates = await CandidatesAsync(now, policy, cancellationToken);
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

    private async Task<List<long>> CandidatesAsync(DateTime now, ProcedurePolicy policy, CancellationToken cancellationToken)
    {
        // A limit has passed: one indexed range on (Status, NextDueAt).
        var overdue = await db.Complaints.AsNoTracking()
            .Where(c => _limitsRunning.Contains(c.Status) && c.NextDueAt != null && c.NextDueAt <= now)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

        // 3.1.2(c): an A complaint unresolved for the set days, not yet upgraded.
        var cutoff = now.AddDays(-policy.Classification.DaysUnresolvedForMajor);
        var old = await db.Complaints.AsNoTracking()
            .Where(c => _unresolved.Contains(c.Status) && c.RegisteredAt <= cutoff && c.Type == ComplaintType.A && !c.Clauses.Contains("3.1.2(c)"))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

        // Major complaints go to level 2 at once; only those without a level-2 event for their cycle are loaded.
        var majors = await db.Complaints.AsNoTracking()
            .Where(c => _notFinished.Contains(c.Status) && c.BecameMajorAt != null)
            .Select(c => new { c.Id, c.ResolutionClockStart })
            .ToListAsync(cancellationToken);
        var majorIds = majors.Select(m => m.Id).ToList();
        var escalated = (await db.EscalationEvents().AsNoTracking()
                .Where(e => e.Kind == EscalationKind.Level2 && majorIds.Contains(e.ComplaintId))
                .Select(e => new { e.ComplaintId, e.Cycle })
                .ToListAsync(cancellationToken))
            .Select(e => (e.ComplaintId, e.Cycle))
            .ToHashSet();
        var newMajors = majors.Where(m => !escalated.Contains((m.Id, m.ResolutionClockStart.Ticks))).Select(m => m.Id);

        return overdue.Concat(old).Concat(newMajors).Distinct().Order().ToList();
    }

    /// <summary>Records what is due for one complaint; the number recorded, 0 when nothing, -1 when skipped.</summary>
    private async Task<int> CheckAsync(long id, DateTime now, ProcedurePolicy policy, CancellationToken cancellationToken)
    {
        Complaint? complaint;
        var added = new List<EscalationEvent>();
        var notifyLevel2 = false;
        // Reading and evaluating need no gate (SQLite readers never wait in WAL mode); only a complaint with
        // something to record enters it, and its Version token turns a change made meanwhile into a skip.
        {
            db.ChangeTracker.Clear();
            complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
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

            void Record(EscalationKind kind, long cycle, DateTime? dueAt, TimeSpan? limit, TimelineKind timelineKind, string detail)
            {
                if (!existing.Add((kind, cycle)))
                {
                    return;
                }

                if (timelineKind != TimelineKind.UpgradedByClock)
                {
                    complaint.Note(timelineKind, null, detail, Actor.System, now);
                }

                added.Add(new EscalationEvent
                {
                    ComplaintId = complaint.Id,
                    ProjectId = complaint.ProjectId,
                    Kind = kind,
                    Cycle = cycle,
                    OccurredAt = now,
                    DueAt = dueAt,
                    Limit = limit,
                    Detail = detail.Length > EscalationEvent.DetailLength ? detail[..EscalationEvent.DetailLength] : detail,
                });
            }

            // 3.1.2(c) first, so that the levels below see the complaint as major. The domain writes the timeline entry.
            if (!existing.Contains((EscalationKind.UpgradedToMajor, 0)) && complaint.ApplyUnresolvedUpgrade(now, policy.Classification))
            {
                var days = complaint.DaysUnresolvedAt(now);
                Record(EscalationKind.UpgradedToMajor, 0, complaint.RegisteredAt.AddDays(policy.Classification.DaysUnresolvedForMajor), null,
                    TimelineKind.UpgradedByClock,
                    $"3.1.2(c) 有效投诉登记后 {days} 天仍未解决（达到 {policy.Classification.DaysUnresolvedForMajor} 天），自动升级为重大投诉");
            }

            var limits = policy.TimeLimits;
            var report = Deadlines.Evaluate(complaint, now, limits);
            var overdue = report.Overdue.ToList();
            foreach (var deadline in overdue)
            {
                var kind = EscalationText.OverdueKindOf(deadline.Kind);
                Record(kind, CycleOf(complaint, deadline), deadline.DueAt, deadline.Limit, TimelineKind.Overdue,
                    $"{EscalationText.Of(kind)}：应于 {Local(policy, deadline.DueAt)} 前完成（时限 {EscalationText.Limit(deadline.Limit)}）");
            }

            var cycle = complaint.ResolutionClockStart.Ticks;
            if (overdue.Count > 0 && !report.EscalatedBecauseMajor)
            {
                var first = overdue.MinBy(d => d.DueAt)!;
                Record(EscalationKind.Level1, cycle, first.DueAt, first.Limit, TimelineKind.Escalated,
                    $"一级升级：{string.Join("、", overdue.Select(d => EscalationText.Of(EscalationText.OverdueKindOf(d.Kind))))}，提交客服主管督办");
            }

            if (report.EscalationLevel == 2)
            {
                var twice = overdue.Where(d => d.LevelAt(now) == 2).MinBy(d => d.DueAt);
                var reason = report.EscalatedBecauseMajor
                    ? $"重大投诉（{string.Join("、", complaint.Clauses.Split(';').Where(c => c.StartsWith("3.1.2", StringComparison.Ordinal)))}）"
                    : $"{EscalationText.Of(EscalationText.OverdueKindOf(twice!.Kind))}已超过时限一倍以上";
                var before = added.Count;
                Record(EscalationKind.Level2, cycle, twice?.DueAt, twice?.Limit, TimelineKind.Escalated, $"二级升级：{reason}，提交经理督办");

                // Becoming major is announced by its own notification; an overdue that reached level 2 is announced here.
                notifyLevel2 = added.Count > before && !report.EscalatedBecauseMajor;
            }

            if (added.Count == 0)
            {
                return 0;
            }

            complaint.RefreshDeadlines(limits, now);
            db.EscalationEvents().AddRange(added);
            using (await gate.EnterAsync(cancellationToken))
            {
                try
                {
                    // One SaveChanges: the events, the timeline entries and the complaint's new version go in together.
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException ex)
                {
                    // Another instance or a person changed it first (version changed or the unique key hit); the next run looks again.
                    db.ChangeTracker.Clear();
                    logger.LogInformation("Clock skipped complaint {ComplaintNumber}: changed by someone else ({Error})", complaint.Number, ex.GetType().Name);
                    return -1;
                }
            }
        }

        foreach (var escalation in added)
        {
            logger.LogInformation("Clock recorded {Escalation} of complaint {ComplaintNumber}: {Detail}", escalation.Kind, complaint.Number, escalation.Detail);
        }

        await PublishAsync(complaint, notifyLevel2 ? added.Single(e => e.Kind == EscalationKind.Level2) : null, cancellationToken);
        return added.Count;
    }

    private async Task PublishAsync(Complaint complaint, EscalationEvent? level2, CancellationToken cancellationToken)
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

    /// <summary>The instant that starts a limit's cycle, so that the same limit can fire again in a new cycle.</summary>
    private static long CycleOf(Complaint complaint, Deadline deadline) => deadline.Kind switch
    {
        DeadlineKind.Dispatch => 0,
        DeadlineKind.Progress => (deadline.DueAt - deadline.Limit).Ticks,
        DeadlineKind.FollowUp => (complaint.ResolvedAt ?? deadline.DueAt - deadline.Limit).Ticks,
        _ => complaint.ResolutionClockStart.Ticks,
    };

    private static string Local(ProcedurePolicy policy, DateTime utc) =>
        policy.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
