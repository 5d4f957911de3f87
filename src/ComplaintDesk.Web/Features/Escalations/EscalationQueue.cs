using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Escalations;

/// <summary>One escalation in the queue, with why it is there in words.</summary>
public sealed record QueueRow(
    long EventId,
    long ComplaintId,
    string Number,
    string ProjectName,
    ComplaintType Type,
    Severity? Severity,
    ComplaintStatus Status,
    EscalationKind Kind,
    int Level,
    string Why,
    DateTime OccurredAt,
    DateTime? AcknowledgedAt,
    string? AcknowledgedByName,
    string? AcknowledgeNote);

/// <summary>
/// One complaint in the queue at its highest level, with every escalation that put it there (newest first):
/// a supervisor reads and acknowledges the complaint once, not each of its escalations.
/// </summary>
public sealed record QueueCard(
    long ComplaintId,
    string Number,
    string ProjectName,
    ComplaintType Type,
    Severity? Severity,
    ComplaintStatus Status,
    int Level,
    DateTime LatestAt,
    IReadOnlyList<QueueRow> Reasons)
{
    public int Waiting => Reasons.Count(r => r.AcknowledgedAt is null);

    /// <summary>"处理超时 5 小时（时限 24 小时）", "二级升级：…": the kind once, then why.</summary>
    public static string ReasonText(QueueRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var label = EscalationText.Of(row.Kind);
        return row.Why.StartsWith(label, StringComparison.Ordinal) ? row.Why : $"{label}：{row.Why}";
    }

    public static IReadOnlyList<QueueCard> Of(IEnumerable<QueueRow> rows) =>
        rows.GroupBy(r => r.ComplaintId)
            .Select(g =>
            {
                var reasons = g.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.EventId).ToList();
                var first = reasons[0];
                return new QueueCard(first.ComplaintId, first.Number, first.ProjectName, first.Type, first.Severity, first.Status,
                    reasons.Max(r => r.Level), first.OccurredAt, reasons);
            })
            .OrderByDescending(c => c.Level).ThenByDescending(c => c.LatestAt).ThenByDescending(c => c.ComplaintId)
            .ToList();
}

/// <summary>An open complaint that needs a supervisor's eye although no limit has passed (major, flags, referral, media).</summary>
public sealed record AttentionRow(
    long ComplaintId,
    string Number,
    string ProjectName,
    string TopicName,
    ComplaintType Type,
    Severity? Severity,
    ComplaintStatus Status,
    long? IncidentId,
    DateTime Since,
    IReadOnlyList<string> Reasons);

/// <summary>Several unlinked complaints of one project and topic within the group window: maybe one incident.</summary>
public sealed record GroupCandidateRow(int ProjectId, string ProjectName, int TopicId, string TopicName, int Count, long LatestComplaintId);

public sealed record QueueView(
    IReadOnlyList<QueueCard> Escalations,
    IReadOnlyList<AttentionRow> Attention,
    IReadOnlyList<IncidentSummary> Incidents,
    IReadOnlyList<GroupCandidateRow> GroupCandidates,
    TimeSpan GroupWindow);

/// <summary>No such escalation in the caller's projects: answered as 404.</summary>
public sealed class EscalationNotFoundException(long id) : Exception($"升级事项 {id} 不存在。");

/// <summary>The escalation queue of supervisors and managers, within their projects, and the acknowledgement of an escalation.</summary>
public sealed class EscalationQueue(
    ComplaintDeskDbContext db,
    ComplaintQueries queries,
    IncidentService incidents,
    CurrentStaff staff,
    ProcedurePolicies policies,
    WriteGate gate,
    TimeProvider clock,
    ILogger<EscalationQueue> logger)
{
    private const int MaxRows = 200;

    private static readonly ComplaintStatus[] _notFinished =
        [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold, ComplaintStatus.Resolved];

    // The badge's four shapes (company-wide or some projects; every level or level 2 only), compiled once: the
    // badge is on every page, and translating its LINQ cost more than running it.
    private static readonly Func<ComplaintDeskDbContext, Task<int>> _waitingAll = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context) => context.Set<EscalationEvent>()
            .Where(e => e.AcknowledgedAt == null)
            .Select(e => e.ComplaintId).Distinct().Take(CountCap).Count());

    private static readonly Func<ComplaintDeskDbContext, Task<int>> _waitingLevelTwo = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context) => context.Set<EscalationEvent>()
            .Where(e => e.AcknowledgedAt == null && (e.Kind == EscalationKind.Level2 || e.Kind == EscalationKind.UpgradedToMajor || e.Kind == EscalationKind.CorrectiveActionEscalated))
            .Select(e => e.ComplaintId).Distinct().Take(CountCap).Count());

    private static readonly Func<ComplaintDeskDbContext, int[], Task<int>> _waitingAllIn = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, int[] projects) => context.Set<EscalationEvent>()
            .Where(e => e.AcknowledgedAt == null && projects.Contains(e.ProjectId))
            .Select(e => e.ComplaintId).Distinct().Take(CountCap).Count());

    private static readonly Func<ComplaintDeskDbContext, int[], Task<int>> _waitingLevelTwoIn = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, int[] projects) => context.Set<EscalationEvent>()
            .Where(e => e.AcknowledgedAt == null && projects.Contains(e.ProjectId)
                && (e.Kind == EscalationKind.Level2 || e.Kind == EscalationKind.UpgradedToMajor || e.Kind == EscalationKind.CorrectiveActionEscalated))
            .Select(e => e.ComplaintId).Distinct().Take(CountCap).Count());

    /// <summary>The badge stops counting here and shows "99+": a count over every waiting complaint grows with the backlog.</summary>
    public const int CountCap = 100;

    /// <summary>
    /// Complaints with unacknowledged escalations waiting for the signed-in person (one per complaint, as the queue shows them), within their projects, counted up to
    /// <see cref="CountCap"/> (the navigation badge runs on every page: its cost must not grow with the backlog).
    /// Supervisors wait on every level; a manager only on level 2 (overdue by the whole limit again, or major).
    /// </summary>
    public Task<int> CountWaitingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var levelTwoOnly = !staff.IsInRole(Roles.Supervisor);
        if (staff.IsCompanyWide)
        {
            return levelTwoOnly ? _waitingLevelTwo(db) : _waitingAll(db);
        }

        var projects = staff.ProjectIds.ToArray();
        return levelTwoOnly ? _waitingLevelTwoIn(db, projects) : _waitingAllIn(db, projects);
    }

    public async Task<QueueView> GetAsync(bool includeAcknowledged, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var events = VisibleEvents();
        if (!includeAcknowledged)
        {
            events = events.Where(e => e.AcknowledgedAt == null);
        }

        // The newest escalations choose the complaints; each complaint then brings all of its own (one card each).
        var newest = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(MaxRows)
            .Select(e => e.ComplaintId).ToListAsync(cancellationToken);
        var chosen = newest.Distinct().ToList();
        var rows = await events.Where(e => chosen.Contains(e.ComplaintId)).ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var topics = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var escalations = QueueCard.Of(await RowsAsync(rows, projects, policy, now, cancellationToken));

        var attention = await queries.Visible()
            .Where(c => _notFinished.Contains(c.Status)
                && (c.Severity == Severity.Major || c.Flags != string.Empty || c.IsGroup || c.Facts.MediaExposure || c.Facts.GovernmentReferralWithSocialImpact))
            .OrderByDescending(c => c.BecameMajorAt ?? c.RegisteredAt)
            .Take(MaxRows)
            .ToListAsync(cancellationToken);

        var since = now - policy.GroupWindow;
        var groups = await queries.Visible()
            .Where(c => c.IncidentId == null && c.Status != ComplaintStatus.Withdrawn && c.RegisteredAt >= since)
            .GroupBy(c => new { c.ProjectId, c.TopicId })
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count())
            .Select(g => new { g.Key.ProjectId, g.Key.TopicId, Count = g.Count(), Latest = g.Max(c => c.Id) })
            .Take(20)
            .ToListAsync(cancellationToken);

        return new QueueView(
            escalations,
            attention.Select(c => new AttentionRow(
                c.Id, c.Number, projects.GetValueOrDefault(c.ProjectId, string.Empty), topics.GetValueOrDefault(c.TopicId, string.Empty),
                c.Type, c.Severity, c.Status, c.IncidentId, c.BecameMajorAt ?? c.RegisteredAt, ReasonsOf(c, policy))).ToList(),
            (await incidents.ListAsync(cancellationToken)).Take(20).ToList(),
            groups.Select(g => new GroupCandidateRow(
                g.ProjectId, projects.GetValueOrDefault(g.ProjectId, string.Empty), g.TopicId, topics.GetValueOrDefault(g.TopicId, string.Empty), g.Count, g.Latest)).ToList(),
            policy.GroupWindow);
    }

    /// <summary>Every escalation of one complaint, newest first (for the review page).</summary>
    public async Task<IReadOnlyList<QueueRow>> ForComplaintAsync(long complaintId, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(cancellationToken);
        var rows = await VisibleEvents().Where(e => e.ComplaintId == complaintId).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return await RowsAsync(rows, projects, policy, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>A supervisor has seen the escalation and says what is being done: it leaves the default view.</summary>
    public async Task AcknowledgeAsync(long eventId, string? note, CancellationToken cancellationToken = default)
    {
        if (!staff.IsInRole(Roles.Supervisor))
        {
            throw new DomainRuleException(RuleCodes.RoleNotAllowed, "只有客服主管可以确认升级事项。");
        }

        var text = CheckedNote(note);
        string number;
        using (await gate.EnterAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            var escalation = await db.EscalationEvents().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
            if (escalation is null || !staff.CanSeeProject(escalation.ProjectId))
            {
                throw new EscalationNotFoundException(eventId);
            }

            var complaint = await db.Complaints.SingleAsync(c => c.Id == escalation.ComplaintId, cancellationToken);
            number = complaint.Number;
            if (escalation.AcknowledgedAt is not null)
            {
                return;
            }

            await AcknowledgeAndSaveAsync(complaint, [escalation], text, cancellationToken);
        }

        logger.LogInformation("Escalation {EscalationId} of complaint {ComplaintNumber} acknowledged by {UserName}", eventId, number, staff.UserName);
    }

    /// <summary>
    /// A supervisor has seen a complaint's escalations and says what is being done: every waiting escalation of the
    /// complaint is acknowledged with the one note, and the timeline gets one entry. Returns how many were waiting.
    /// </summary>
    public async Task<int> AcknowledgeComplaintAsync(long complaintId, string? note, CancellationToken cancellationToken = default)
    {
        if (!staff.IsInRole(Roles.Supervisor))
        {
            throw new DomainRuleException(RuleCodes.RoleNotAllowed, "只有客服主管可以确认升级事项。");
        }

        var text = CheckedNote(note);
        string number;
        int count;
        using (await gate.EnterAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            var complaint = await queries.Visible().AsTracking().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken)
                ?? throw new EscalationNotFoundException(complaintId);
            number = complaint.Number;
            var waiting = await db.EscalationEvents().Where(e => e.ComplaintId == complaintId && e.AcknowledgedAt == null)
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
            count = waiting.Count;
            if (count == 0)
            {
                return 0;
            }

            await AcknowledgeAndSaveAsync(complaint, waiting, text, cancellationToken);
        }

        logger.LogInformation("{EscalationCount} escalations of complaint {ComplaintNumber} acknowledged by {UserName}", count, number, staff.UserName);
        return count;
    }

    /// <summary>
    /// Stamps the escalations as acknowledged with the one note, adds one timeline entry naming them, and saves; a lost
    /// race with another change of the complaint is a conflict (409), not an error.
    /// </summary>
    private async Task AcknowledgeAndSaveAsync(Complaint complaint, IReadOnlyList<EscalationEvent> escalations, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var escalation in escalations)
        {
            escalation.AcknowledgedAt = now;
            escalation.AcknowledgedById = staff.Actor.Id;
            escalation.AcknowledgedByName = staff.Actor.Name;
            escalation.AcknowledgeNote = text;
        }

        var detail = "确认升级事项：" + string.Join("；", escalations.Select(e => e.Detail).Distinct());
        complaint.Note(TimelineKind.Acknowledged, text, detail.Length > FieldLimits.Detail ? detail[..FieldLimits.Detail] : detail, staff.Actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(complaint.Number);
        }
    }

    /// <summary>Why an open complaint needs attention: the 3.1.2 clauses with their explanation, or the flags of a B/C complaint.</summary>
    public static IReadOnlyList<string> ReasonsOf(Complaint complaint, ProcedurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(policy);
        var result = Classifier.Classify(complaint.Facts, policy.Classification);
        var reasons = result.Clauses.Where(c => ClauseCodes.IsMajor(c.Code)).Select(c => $"{c.Code}：{c.Explanation}").ToList();
        foreach (var flag in result.Flags)
        {
            reasons.Add(flag switch
            {
                ComplaintFlag.Group => string.Create(CultureInfo.InvariantCulture,
                    $"{Labels.Of(flag)}：{complaint.Facts.GroupSize} 人投诉同一问题（达到 {policy.Classification.GroupComplainantCount} 人），{Labels.Of(complaint.Type)}不分级但需督办"),
                _ => $"{Labels.Of(flag)}：{Labels.Of(complaint.Type)}不分级，但需主管关注",
            });
        }

        if (complaint.Type == ComplaintType.A && !result.IsMajor && complaint.Facts.MediaExposure)
        {
            reasons.Add("媒体曝光：未发生事故，不构成 3.1.2 重大投诉，但需关注舆情");
        }

        return reasons;
    }

    private static string CheckedNote(string? note)
    {
        var text = Infrastructure.Text.TextInput.Clean(note)?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw InputValidationException.For("Note", "请填写确认说明（已采取或将采取的措施）。");
        }

        if (Infrastructure.Text.TextInput.Length(text) > FieldLimits.Note)
        {
            throw InputValidationException.For("Note", $"确认说明不能超过 {FieldLimits.Note} 个字。");
        }

        return text;
    }

    private IQueryable<EscalationEvent> VisibleEvents()
    {
        var events = db.EscalationEvents().AsNoTracking();
        if (staff.IsCompanyWide)
        {
            return events;
        }

        var projects = staff.ProjectIds.ToList();
        return events.Where(e => projects.Contains(e.ProjectId));
    }

    private async Task<List<QueueRow>> RowsAsync(
        List<EscalationEvent> rows, Dictionary<int, string> projects, ProcedurePolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.ComplaintId).Distinct().ToList();
        var complaints = await queries.Visible().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return rows.Where(r => complaints.ContainsKey(r.ComplaintId)).Select(r =>
        {
            var c = complaints[r.ComplaintId];
            return new QueueRow(
                r.Id, c.Id, c.Number, projects.GetValueOrDefault(c.ProjectId, string.Empty), c.Type, c.Severity, c.Status, r.Kind,
                EscalationText.LevelOf(r.Kind), WhyOf(r, c, policy, now), r.OccurredAt, r.AcknowledgedAt, r.AcknowledgedByName, r.AcknowledgeNote);
        }).ToList();
    }

    /// <summary>"处理超时 5 小时（时限 24 小时）" while the limit is still open; how late it was met otherwise.</summary>
    private static string WhyOf(EscalationEvent escalation, Complaint complaint, ProcedurePolicy policy, DateTime now)
    {
        if (!EscalationText.IsOverdue(escalation.Kind) || escalation.DueAt is not { } due || escalation.Limit is not { } limit)
        {
            return escalation.Detail;
        }

        var cycleStart = escalation.Cycle == 0 ? complaint.RegisteredAt : new DateTime(escalation.Cycle, DateTimeKind.Utc);
        DateTime?[] ends = escalation.Kind switch
        {
            EscalationKind.DispatchOverdue => [complaint.DispatchedAt],
            EscalationKind.ProgressOverdue => [complaint.LastProgressAt, complaint.ResolvedAt],
            EscalationKind.ResolutionOverdue => [complaint.ResolvedAt],
            EscalationKind.ReferralSignForOverdue => [complaint.Referral?.SignedForEffective, complaint.Referral?.ReturnedAt, complaint.ClosedAt],
            EscalationKind.ReferralFirstFeedbackOverdue => [complaint.Referral?.FirstFeedbackEffective, complaint.Referral?.ReturnedAt, complaint.ClosedAt],
            EscalationKind.ReferralCompletionOverdue => [complaint.Referral?.ReplySentAt, complaint.Referral?.ReturnedAt],
            _ => [complaint.FollowedUpAt, complaint.ClosedAt],
        };
        var met = ends.Append(complaint.WithdrawnAt).Where(e => e is { } at && at > cycleStart).Min();
        if (escalation.Kind == EscalationKind.ResolutionOverdue && escalation.Cycle != complaint.ResolutionClockStart.Ticks)
        {
            // A resolution of an earlier round (before a reopening): its end is no longer on the complaint.
            return escalation.Detail;
        }

        var text = EscalationText.Overdue(escalation.Kind, (met ?? now) - due, limit);
        return met is { } at
            ? $"{text}，已于 {policy.Calendar.ToLocal(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} 完成"
            : text;
    }
}
