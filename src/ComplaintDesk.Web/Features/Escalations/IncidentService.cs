using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Escalations;

public sealed record IncidentMember(
    long Id,
    string Number,
    string ComplainantName,
    string PhoneMasked,
    int ComplainantCount,
    ComplaintType Type,
    Severity? Severity,
    ComplaintStatus Status,
    bool IsGroup,
    DateTime RegisteredAt,
    string Content);

public sealed record IncidentCandidate(IncidentMember Complaint, Similarity Similarity);

public sealed record IncidentSummary(
    long Id, string Name, int ProjectId, string ProjectName, string TopicName, DateTime CreatedAt, string CreatedByName, int Members, int DistinctComplainants);

public sealed record IncidentView(
    IncidentSummary Summary,
    int GroupThreshold,
    TimeSpan Window,
    IReadOnlyList<IncidentMember> Members,
    IReadOnlyList<IncidentCandidate> Candidates);

/// <summary>No such incident in the caller's projects: answered as 404.</summary>
public sealed class IncidentNotFoundException(long id) : Exception($"事件 {id} 不存在。")
{
    public long IncidentId { get; } = id;
}

/// <summary>
/// 事件 (group complaints): supervisors create an incident from a complaint, link and unlink complaints; the
/// distinct complainants of the incident go into every member's facts, so 3.1.2(e) and the group flag follow
/// from the classifier, with timeline entries both ways.
/// </summary>
public sealed class IncidentService(
    ComplaintDeskDbContext db,
    ComplaintQueries queries,
    CurrentStaff staff,
    ProcedurePolicies policies,
    WriteGate gate,
    TimeProvider clock,
    IEnumerable<IComplaintEventHandler> eventHandlers,
    Notifications.NotificationService notifications,
    ILogger<IncidentService> logger)
{
    /// <summary>Characters of a supervisor's reason for linking an outlier (it shares the timeline note with the link's text).</summary>
    public const int OutlierReasonLength = 500;

    private const int CandidatePool = 200;

    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var incidents = db.Incidents().AsNoTracking();
        if (!staff.IsCompanyWide)
        {
            var projects = staff.ProjectIds.ToList();
            incidents = incidents.Where(i => projects.Contains(i.ProjectId));
        }

        var rows = await incidents.OrderByDescending(i => i.Id).Take(100).ToListAsync(cancellationToken);
        var ids = rows.Select(i => i.Id).ToList();
        var members = await db.Complaints.AsNoTracking()
            .Where(c => c.IncidentId != null && ids.Contains(c.IncidentId.Value))
            .Select(c => new { IncidentId = c.IncidentId!.Value, c.ComplainantName, c.PhoneNormalized, c.Facts.ComplainantCount, c.Status })
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(cancellationToken);
        return rows.Select(i =>
        {
            var mine = members.Where(m => m.IncidentId == i.Id).ToList();
            var distinct = Complainants.Distinct(mine.Where(m => m.Status != ComplaintStatus.Withdrawn)
                .Select(m => new ComplainantEntry(m.ComplainantName, m.PhoneNormalized, m.ComplainantCount)));
            return Summary(i, names, mine.Count, distinct);
        }).ToList();
    }

    /// <summary>
    /// Open incidents of the caller's projects — those with a member still being handled (not closed or withdrawn) —
    /// counted up to <paramref name="cap"/>: the supervisor's home page card.
    /// </summary>
    public Task<int> CountOpenAsync(int cap, CancellationToken cancellationToken = default)
    {
        var incidents = db.Incidents().AsNoTracking();
        if (!staff.IsCompanyWide)
        {
            var projects = staff.ProjectIds.ToList();
            incidents = incidents.Where(i => projects.Contains(i.ProjectId));
        }

        return incidents
            .Where(i => db.Complaints.Any(c => c.IncidentId == i.Id && c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Withdrawn))
            .Select(i => i.Id)
            .Take(cap)
            .CountAsync(cancellationToken);
    }

    public async Task<IncidentView> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var incident = await FindAsync(id, cancellationToken);
        var policy = await policies.GetAsync(cancellationToken);
        var members = await queries.Visible().Where(c => c.IncidentId == id).OrderBy(c => c.RegisteredAt).ToListAsync(cancellationToken);
        var distinct = CountOf(members);

        var from = (members.Count == 0 ? incident.CreatedAt : members.Min(m => m.RegisteredAt)) - policy.GroupWindow;
        var to = (members.Count == 0 ? incident.CreatedAt : members.Max(m => m.RegisteredAt)) + policy.GroupWindow;
        var pool = await queries.Visible()
            .Where(c => c.ProjectId == incident.ProjectId && c.TopicId == incident.TopicId && c.IncidentId == null
                && c.Status != ComplaintStatus.Withdrawn && c.RegisteredAt >= from && c.RegisteredAt <= to)
            .OrderByDescending(c => c.RegisteredAt)
            .Take(CandidatePool)
            .ToListAsync(cancellationToken);
        var candidates = pool
            .Select(c => new IncidentCandidate(MemberOf(c), members
                .Select(m => ContentSimilarity.Compare(m.Content, c.Content))
                .DefaultIfEmpty(new Similarity(0, []))
                .MaxBy(s => s.Score)!))
            .Where(c => c.Similarity.IsSimilar)
            .OrderByDescending(c => c.Similarity.Score)
            .ToList();

        var names = await NamesAsync(cancellationToken);
        return new IncidentView(
            Summary(incident, names, members.Count, distinct), policy.Classification.GroupComplainantCount, policy.GroupWindow,
            members.Select(MemberOf).ToList(), candidates);
    }

    /// <summary>Creates an incident named <paramref name="name"/> from a complaint, and links the complaint into it.</summary>
    public async Task<long> CreateAsync(long complaintId, string? name, CancellationToken cancellationToken = default)
    {
        RequireSupervisor();
        var trimmed = Infrastructure.Text.TextInput.Clean(name)?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw InputValidationException.For("Name", "请填写事件名称。");
        }

        if (Infrastructure.Text.TextInput.Length(trimmed) > Incident.NameLength)
        {
            throw InputValidationException.For("Name", $"事件名称不能超过 {Incident.NameLength} 个字。");
        }

        var policy = await policies.GetAsync(cancellationToken);
        Complaint complaint;
        Incident incident;
        using (await gate.EnterAsync(cancellationToken))
        {
            var strategy = db.Database.CreateExecutionStrategy();
            (complaint, incident) = await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var found = await LoadVisibleAsync(complaintId, ct);
                if (found.IncidentId is not null)
                {
                    throw new DomainRuleException(RuleCodes.InvalidInput, "该投诉已关联到其他事件，请先取消关联。");
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var created = new Incident
                {
                    ProjectId = found.ProjectId,
                    TopicId = found.TopicId,
                    Name = trimmed,
                    CreatedAt = now,
                    CreatedById = staff.Actor.Id,
                    CreatedByName = staff.Actor.Name,
                };
                db.Incidents().Add(created);
                await db.SaveChangesAsync(ct);
                found.LinkToIncident(created.Id, created.Name, CountOf([found]), staff.Actor, now, policy.Classification);
                found.RefreshDeadlines(policy.TimeLimits, policy.Classification, now);
                await SaveAsync(found.Number, ct);
                await transaction.CommitAsync(ct);
                return (found, created);
            }, cancellationToken);
        }

        logger.LogInformation("Incident {IncidentId} created from complaint {ComplaintNumber} by {UserName}", incident.Id, complaint.Number, staff.UserName);
        await PublishAsync([complaint], cancellationToken);
        return incident.Id;
    }

    /// <summary>
    /// Links a complaint (by id) into the incident; every member's complainant count follows. A complaint of another topic
    /// or registered outside the group window of every member is linked only with <paramref name="reason"/> (a supervisor's
    /// written reason, kept in the timeline); otherwise refused with <see cref="RuleCodes.IncidentOutlier"/>.
    /// </summary>
    public Task LinkAsync(long incidentId, long complaintId, string? reason = null, CancellationToken cancellationToken = default) =>
        LinkManyAsync(incidentId, [complaintId], reason, cancellationToken);

    /// <summary>
    /// Links several complaints in one action (the candidates a supervisor ticked): all or none. Each is checked as
    /// <see cref="LinkAsync"/> checks one (the window against the members and those linked before it in the same action);
    /// the complainants are counted once for all, so ten owners linked together turn every A member major (3.1.2(e)) in one
    /// step, and the supervisors and managers hear of it once for the incident, not once per complaint.
    /// </summary>
    public Task LinkManyAsync(long incidentId, IReadOnlyCollection<long> complaintIds, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintIds);
        var cleaned = Infrastructure.Text.TextInput.Clean(reason)?.Trim();
        if (Infrastructure.Text.TextInput.Length(cleaned) > OutlierReasonLength)
        {
            throw InputValidationException.For("Reason", $"关联理由不能超过 {OutlierReasonLength} 个字。");
        }

        if (complaintIds.Count == 0)
        {
            throw InputValidationException.For("ComplaintIds", "请勾选要关联的投诉。");
        }

        return ChangeAsync(incidentId, async (incident, members, policy, now, ct) =>
        {
            var joining = new List<(Complaint Complaint, (string Why, string Reason)? Outlier)>();
            foreach (var complaintId in complaintIds.Distinct())
            {
                var complaint = await LoadVisibleAsync(complaintId, ct);
                if (complaint.IncidentId == incidentId)
                {
                    continue;
                }

                if (complaint.IncidentId is not null)
                {
                    throw new DomainRuleException(RuleCodes.InvalidInput, $"投诉 {complaint.Number} 已关联到其他事件，请先取消关联。");
                }

                if (complaint.ProjectId != incident.ProjectId)
                {
                    throw new DomainRuleException(RuleCodes.InvalidInput, $"投诉 {complaint.Number} 不属于该事件的物业项目，不能关联。");
                }

                var fit = IncidentFit.Of(incident.TopicId, incident.CreatedAt, members.Concat(joining.Select(j => j.Complaint)).Select(m => m.RegisteredAt),
                    complaint.TopicId, complaint.RegisteredAt, policy.GroupWindow);
                (string Why, string Reason)? outlier = null;
                if (fit.IsOutlier)
                {
                    var topics = (await NamesAsync(ct)).Topics;
                    var why = fit.Describe(topics.GetValueOrDefault(incident.TopicId, string.Empty), topics.GetValueOrDefault(complaint.TopicId, string.Empty));
                    if (string.IsNullOrEmpty(cleaned))
                    {
                        throw new DomainRuleException(RuleCodes.IncidentOutlier,
                            $"投诉 {complaint.Number} 与事件「{incident.Name}」不是同一时间的同一问题：{why}。如确属同一问题，请填写关联理由后再关联。");
                    }

                    outlier = (why, cleaned);
                }

                joining.Add((complaint, outlier));
            }

            if (joining.Count == 0)
            {
                return [];
            }

            var count = CountOf([.. members, .. joining.Select(j => j.Complaint)]);
            foreach (var (complaint, outlier) in joining)
            {
                complaint.LinkToIncident(incident.Id, incident.Name, count, staff.Actor, now, policy.Classification, outlier);
            }

            foreach (var member in members)
            {
                member.UpdateIncidentSize(count, staff.Actor, now, policy.Classification);
            }

            logger.LogInformation("Complaints {ComplaintNumbers} linked to incident {IncidentId} by {UserName}: {Count} complainants, outliers {Outliers}",
                string.Join(",", joining.Select(j => j.Complaint.Number)), incident.Id, staff.UserName, count, joining.Count(j => j.Outlier is not null));
            return [.. members, .. joining.Select(j => j.Complaint)];
        }, cancellationToken);
    }

    /// <summary>Links a complaint given by its number (what a supervisor reads off a form).</summary>
    public async Task LinkByNumberAsync(long incidentId, string? number, string? reason = null, CancellationToken cancellationToken = default)
    {
        var trimmed = number?.Trim().ToUpperInvariant() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw InputValidationException.For("Number", "请填写投诉编号。");
        }

        var id = await queries.Visible().Where(c => c.Number == trimmed).Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw InputValidationException.For("Number", $"找不到投诉 {trimmed}。");
        await LinkAsync(incidentId, id, reason, cancellationToken);
    }

    /// <summary>Takes a complaint out of the incident; it and the remaining members are classified again without it.</summary>
    public Task UnlinkAsync(long incidentId, long complaintId, string? note, CancellationToken cancellationToken = default)
    {
        var reason = Infrastructure.Text.TextInput.Clean(note)?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw InputValidationException.For("Note", "请填写取消关联的原因。");
        }

        if (Infrastructure.Text.TextInput.Length(reason) > OutlierReasonLength)
        {
            throw InputValidationException.For("Note", $"取消关联的原因不能超过 {OutlierReasonLength} 个字。");
        }

        return ChangeAsync(incidentId, (incident, members, policy, now, ct) =>
        {
            var complaint = members.SingleOrDefault(m => m.Id == complaintId)
                ?? throw new DomainRuleException(RuleCodes.NotLinked, "该投诉未关联此事件。");
            var rest = members.Where(m => m.Id != complaintId).ToList();
            complaint.UnlinkFromIncident($"取消关联事件「{incident.Name}」：{reason}", staff.Actor, now, policy.Classification);
            var count = CountOf(rest);
            foreach (var member in rest)
            {
                member.UpdateIncidentSize(count, staff.Actor, now, policy.Classification);
            }

            logger.LogInformation("Complaint {ComplaintNumber} unlinked from incident {IncidentId} by {UserName}: {Count} complainants remain",
                complaint.Number, incident.Id, staff.UserName, count);
            return Task.FromResult<IReadOnlyList<Complaint>>(members);
        }, cancellationToken);
    }

    private async Task ChangeAsync(
        long incidentId,
        Func<Incident, List<Complaint>, ProcedurePolicy, DateTime, CancellationToken, Task<IReadOnlyList<Complaint>>> change,
        CancellationToken cancellationToken)
    {
        RequireSupervisor();
        var policy = await policies.GetAsync(cancellationToken);
        IReadOnlyList<Complaint> changed;
        Incident incident;
        using (await gate.EnterAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            incident = await FindAsync(incidentId, cancellationToken);
            var members = await db.Complaints.Where(c => c.IncidentId == incidentId).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            changed = await change(incident, members, policy, now, cancellationToken);
            foreach (var complaint in changed)
            {
                complaint.RefreshDeadlines(policy.TimeLimits, policy.Classification, now);
            }

            await SaveAsync(string.Join("、", changed.Select(c => c.Number)), cancellationToken);
        }

        await PublishAsync(changed, cancellationToken, incident.Name);
    }

    private async Task SaveAsync(string numbers, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(numbers);
        }
    }

    private async Task<Complaint> LoadVisibleAsync(long complaintId, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
        if (complaint is null || !staff.CanSeeProject(complaint.ProjectId))
        {
            throw new ComplaintNotFoundException(complaintId);
        }

        return complaint;
    }

    private async Task<Incident> FindAsync(long id, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return incident is null || !staff.CanSeeProject(incident.ProjectId) ? throw new IncidentNotFoundException(id) : incident;
    }

    private void RequireSupervisor()
    {
        if (!staff.IsInRole(Roles.Supervisor))
        {
            throw new DomainRuleException(RuleCodes.RoleNotAllowed, "只有客服主管可以管理群体事件。");
        }
    }

    private async Task AnnounceTogetherAsync(string incidentName, ComplaintEventKind kind, IReadOnlyList<Complaint> complaints, CancellationToken cancellationToken)
    {
        var numbers = string.Join("、", complaints.Select(c => c.Number));
        try
        {
            if (kind == ComplaintEventKind.BecameMajor)
            {
                await notifications.NotifyAsync(complaints[0],
                    $"群体事件「{incidentName}」：投诉 {numbers}（共 {complaints.Count} 件）按 3.1.2(e) 群体投诉成为重大投诉，请立即督办。", cancellationToken);
            }
            else
            {
                await notifications.NotifyManagersAsync(complaints[0],
                    $"群体事件「{incidentName}」：投诉 {numbers}（共 {complaints.Count} 件）为群体投诉，请经理关注：B/C 类不分级，但群体投诉需经理知悉。",
                    cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Notifying about incident {IncidentName} failed", incidentName);
        }
    }

    private static int CountOf(IEnumerable<Complaint> complaints) =>
        Complainants.Distinct(complaints.Where(c => c.Status != ComplaintStatus.Withdrawn)
            .Select(c => new ComplainantEntry(c.ComplainantName, c.PhoneNormalized, c.Facts.ComplainantCount)));

    private static IncidentMember MemberOf(Complaint c) => new(
        c.Id, c.Number, c.ComplainantName, PhoneMask.Mask(c.Phone), c.Facts.ComplainantCount, c.Type, c.Severity, c.Status, c.IsGroup, c.RegisteredAt, c.Content);

    private static IncidentSummary Summary(Incident i, (Dictionary<int, string> Projects, Dictionary<int, string> Topics) names, int members, int distinct) =>
        new(i.Id, i.Name, i.ProjectId, names.Projects.GetValueOrDefault(i.ProjectId, string.Empty), names.Topics.GetValueOrDefault(i.TopicId, string.Empty),
            i.CreatedAt, i.CreatedByName, members, distinct);

    private async Task<(Dictionary<int, string> Projects, Dictionary<int, string> Topics)> NamesAsync(CancellationToken cancellationToken) =>
        (await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken),
         await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken));

    private async Task PublishAsync(IEnumerable<Complaint> complaints, CancellationToken cancellationToken, string? incidentName = null)
    {
        var pending = complaints.SelectMany(complaint =>
        {
            var events = complaint.Events.ToList();
            complaint.ClearEvents();
            return events.Select(e => (Complaint: complaint, Event: e));
        }).ToList();

        // One change of an incident that turns several members major (or flags several B/C members for managers) is one
        // piece of news: one notification naming them all, not one per complaint.
        if (incidentName is not null)
        {
            foreach (var group in pending.Where(p => p.Event.Kind is ComplaintEventKind.BecameMajor or ComplaintEventKind.FlaggedForManagers)
                         .GroupBy(p => p.Event.Kind).Where(g => g.Count() > 1).ToList())
            {
                await AnnounceTogetherAsync(incidentName, group.Key, group.Select(p => p.Complaint).ToList(), cancellationToken);
                pending.RemoveAll(p => p.Event.Kind == group.Key);
            }
        }

        foreach (var (complaint, complaintEvent) in pending)
        {
            foreach (var handler in eventHandlers)
            {
                try
                {
                    await handler.HandleAsync(complaint, complaintEvent, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Handling {Event} of complaint {ComplaintNumber} failed", complaintEvent.Kind, complaint.Number);
                }
            }
        }
    }
}
