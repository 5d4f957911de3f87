using ComplaintDesk.Data;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>
/// Registers complaints and applies moves for pages and API alike: validate the input, load the complaint
/// within the caller's projects, let the domain decide, save once, log, tell event handlers.
/// </summary>
public sealed partial class ComplaintWorkflow(
    ComplaintDeskDbContext db,
    CurrentStaff staff,
    ProcedurePolicies policies,
    RegistrationQueue registrations,
    WriteGate gate,
    TimeProvider clock,
    IServiceProvider services,
    IEnumerable<IComplaintEventHandler> eventHandlers,
    ILogger<ComplaintWorkflow> logger)
{
    // Every registration (and every validate-only POST) asks these two: compiled once, not translated per call.
    private static readonly Func<ComplaintDeskDbContext, int, Task<bool>> _projectInService = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, int id) => context.Projects.Any(p => p.Id == id && p.IsActive));

    private static readonly Func<ComplaintDeskDbContext, int, Task<TopicChoice?>> _activeTopic = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, int id) => context.Topics.Where(t => t.Id == id && t.IsActive)
            .Select(t => new TopicChoice(t.Id, t.DefaultDepartmentId)).SingleOrDefault());

    public Task<Complaint> RegisterAsync(RegisterComplaintInput input, CancellationToken cancellationToken = default) =>
        RegisterAsync(input, null, cancellationToken);

    /// <summary>
    /// Everything a registration checks before it writes: the validator, the project (one of the caller's, in service)
    /// and the topic. Throws <see cref="InputValidationException"/>; stores nothing.
    /// </summary>
    public async Task<ComplaintIntake> CheckRegistrationAsync(RegisterComplaintInput input, CancellationToken cancellationToken = default)
    {
        Validate(input);
        var projectId = input.ProjectId!.Value;
        cancellationToken.ThrowIfCancellationRequested();
        if (!staff.CanSeeProject(projectId) || !await _projectInService(db, projectId))
        {
            throw InputValidationException.For(nameof(input.ProjectId), "请选择您负责的、仍在服务的物业项目。");
        }

        var topic = await _activeTopic(db, input.TopicId ?? 0)
            ?? throw InputValidationException.For(nameof(input.TopicId), "请选择有效的投诉事项。");

        return new ComplaintIntake(
            projectId, topic.Id, topic.DefaultDepartmentId, input.Channel!.Value, input.ComplainantName!, input.ComplainantKind!.Value,
            input.Phone!, input.Location!, input.Content!, input.ToFacts(), await ReferralTermsAsync(input.Referral, null, cancellationToken));
    }

    /// <summary>
    /// Registers a complaint. With a <paramref name="claim"/>, the API's idempotency key is stored in the same transaction,
    /// so it stands or falls with the complaint; a key stored first by another request throws
    /// <see cref="IdempotencyKeyTakenException"/> and creates nothing.
    /// Registrations are written in groups (<see cref="RegistrationQueue"/>): the answer comes after the commit.
    /// </summary>
    public async Task<Complaint> RegisterAsync(RegisterComplaintInput input, IdempotencyClaim? claim, CancellationToken cancellationToken = default)
    {
        var intake = await CheckRegistrationAsync(input, cancellationToken);
        var pending = new PendingRegistration(intake, staff.Actor, claim);
        Complaint complaint;
        try
        {
            // The queue's writer stores it with others in one transaction and completes it after the commit.
            complaint = await registrations.Submit(pending).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!pending.TryAbandon())
        {
            // A writer took it before the request gave up: the commit decides, as for any other taken registration.
            complaint = await pending.Done.Task;
        }

        logger.LogInformation(
            "Complaint {ComplaintNumber} registered by {UserName}: type {Type}, severity {Severity}, clauses {Clauses}",
            complaint.Number, staff.UserName, complaint.Type, complaint.Severity, complaint.Clauses);
        await PublishAsync(complaint, cancellationToken);
        return complaint;
    }

    public Task<Complaint> DispatchAsync(long id, DispatchInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Dispatch, async (c, p, now) =>
        {
            await RequireDepartmentAsync(input.DepartmentId, cancellationToken);
            c.Dispatch(input.DepartmentId!.Value, input.AssigneeName, input.ExternalParty, staff.Actor, now, p.TimeLimits);
        }, cancellationToken);

    public Task<Complaint> ReassignAsync(long id, DispatchInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Reassign, async (c, p, now) =>
        {
            await RequireDepartmentAsync(input.DepartmentId, cancellationToken);
            c.Reassign(input.DepartmentId!.Value, input.AssigneeName, input.ExternalParty, input.Note, staff.Actor, now);
        }, cancellationToken);

    public Task<Complaint> RecordProgressAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.RecordProgress, (c, p, now) => c.RecordProgress(input.Note!, staff.Actor, now), cancellationToken);

    public Task<Complaint> PutOnHoldAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.PutOnHold, (c, p, now) => c.PutOnHold(input.Note!, staff.Actor, now), cancellationToken);

    public Task<Complaint> ResumeAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Resume, (c, p, now) => c.Resume(input.Note, staff.Actor, now), cancellationToken);

    public Task<Complaint> ResolveAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Resolve, (c, p, now) => c.Resolve(input.Note!, staff.Actor, now, p.TimeLimits, p.FollowUps), cancellationToken);

    public Task<Complaint> RecordFollowUpAsync(long id, FollowUpInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.RecordFollowUp,
            (c, p, now) => c.RecordFollowUp(
                input.Method!.Value, input.Outcome!.Value, input.Note, staff.Actor, now, p.Classification, p.FollowUps,
                new FollowUpCall(input.PhoneCalled, input.AttemptedAt?.UtcDateTime)), cancellationToken);

    public Task<Complaint> CloseUnreachableAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.CloseUnreachable,
            (c, p, now) => c.CloseAsUnreachable(input.Note!, staff.Actor, now, p.TimeLimits, p.FollowUps, p.Calendar), cancellationToken);

    public Task<Complaint> ReopenAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Reopen, (c, p, now) => c.Reopen(input.Note!, staff.Actor, now, p.Classification), cancellationToken);

    public Task<Complaint> RecordRepeatRaiseAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.RecordRepeatRaise,
            (c, p, now) => c.RecordRepeatRaise(input.Note, staff.Actor, now, p.Classification), cancellationToken);

    public Task<Complaint> ReclassifyAsync(long id, ReclassifyInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Reclassify,
            (c, p, now) => c.Reclassify(input.ToFacts(), input.Reason!, staff.Actor, now, p.Classification), cancellationToken);

    public Task<Complaint> HandOverAsync(long id, HandOverInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.HandOver, async (c, p, now) =>
        {
            var staffOfProject = await services.GetRequiredService<ProjectStaff>().ForProjectAsync(c.ProjectId, cancellationToken);
            var to = staffOfProject.FirstOrDefault(s => s.Id == input.ToUserId)
                ?? throw InputValidationException.For(nameof(HandOverInput.ToUserId), "请选择该项目在岗的客服专员或客服主管。");
            c.HandOver(to.Id, to.DisplayName, input.Reason!, staff.Actor, now);
        }, cancellationToken);

    public Task<Complaint> WithdrawAsync(long id, WithdrawInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Withdraw,
            (c, p, now) => c.Withdraw(input.Reason!.Value, input.Note!, staff.Actor, now), cancellationToken);

    /// <param name="move">A <see cref="ComplaintMove"/>, or another table's move (a referral's): named in the log.</param>
    private Task<Complaint> MoveAsync<TInput>(
        long id, TInput input, int? expectedVersion, Enum move, Action<Complaint, ProcedurePolicy, DateTime> apply, CancellationToken cancellationToken) =>
        MoveAsync(id, input, expectedVersion, move, (c, p, now) =>
        {
            apply(c, p, now);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<Complaint> MoveAsync<TInput>(
        long id, TInput input, int? expectedVersion, Enum move, Func<Complaint, ProcedurePolicy, DateTime, Task> apply, CancellationToken cancellationToken)
    {
        Validate(input);
        var policy = await policies.GetAsync(cancellationToken);
        Complaint complaint;
        ComplaintStatus from;
        IReadOnlyList<Complaint> recounted = [];
        using (await gate.EnterAsync(cancellationToken))
        {
            // The follow-up moves count unanswered attempts by day from the follow-ups themselves.
            var query = move is ComplaintMove.RecordFollowUp or ComplaintMove.CloseUnreachable
                ? db.Complaints.Include(c => c.FollowUps).AsQueryable()
                : NeedsInvestigation(move) ? db.Complaints.Include(c => c.Investigation).Include(c => c.CorrectiveActions).AsSplitQuery()
                : db.Complaints.AsQueryable();
            complaint = await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw new ComplaintNotFoundException(id);
            if (!staff.CanSeeProject(complaint.ProjectId))
            {
                throw new ComplaintNotFoundException(id);
            }

            if (expectedVersion is { } version && version != complaint.Version)
            {
                throw new ConcurrencyConflictException(complaint.Number);
            }

            from = complaint.Status;
            var now = clock.GetUtcNow().UtcDateTime;
            var linkedBefore = complaint.Facts.LinkedComplainantCount;
            await apply(complaint, policy, now);
            if (complaint.IncidentId is not null && move is ComplaintMove.Withdraw or ComplaintMove.Reclassify)
            {
                recounted = await RecountIncidentAsync(complaint, linkedBefore, (ComplaintMove)move, policy, now, cancellationToken);
            }

            complaint.RefreshDeadlines(policy.TimeLimits, policy.Classification, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(complaint.Number);
            }
        }

        logger.LogInformation(
            "Complaint {ComplaintNumber} {Move} by {UserName}: {FromStatus} -> {ToStatus}",
            complaint.Number, move, staff.UserName, from, complaint.Status);
        await PublishAsync(complaint, cancellationToken);
        foreach (var member in recounted)
        {
            await PublishAsync(member, cancellationToken);
        }

        return complaint;
    }

    /// <summary>
    /// A linked complaint was withdrawn, or its joint count corrected: its incident's distinct complainants are counted
    /// again and every member still standing is re-classified on the new count (3.1.2(e)), with a timeline entry saying
    /// why. Returns the other members whose count changed (saved with the move, in the same SaveChanges).
    /// </summary>
    private async Task<IReadOnlyList<Complaint>> RecountIncidentAsync(
        Complaint complaint, int before, ComplaintMove move, ProcedurePolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        var others = await db.Complaints.Where(c => c.IncidentId == complaint.IncidentId && c.Id != complaint.Id).ToListAsync(cancellationToken);
        var standing = others.Append(complaint).Where(c => c.Status != ComplaintStatus.Withdrawn).ToList();
        var count = Complainants.Distinct(standing.Select(c => new ComplainantEntry(c.ComplainantName, c.PhoneNormalized, c.Facts.ComplainantCount)));
        if (count == before)
        {
            return [];
        }

        var threshold = policy.Classification.GroupComplainantCount;
        var what = move == ComplaintMove.Withdraw ? "已撤销" : "重新分类";
        var crossing = before >= threshold && count < threshold ? $"，不足 {threshold} 人，不再按 {ClauseCodes.MajorGroup} 属群体投诉"
            : before < threshold && count >= threshold ? $"，达到 {threshold} 人，按 {ClauseCodes.MajorGroup} 属群体投诉"
            : string.Empty;
        var why = $"关联投诉 {complaint.Number} {what}，所属事件的投诉人数由 {before} 人变为 {count} 人{crossing}";
        foreach (var member in standing)
        {
            member.UpdateIncidentSize(count, staff.Actor, now, policy.Classification, why);
            if (member != complaint)
            {
                member.RefreshDeadlines(policy.TimeLimits, policy.Classification, now);
            }
        }

        logger.LogInformation("Incident {IncidentId} recounted after {Move} of complaint {ComplaintNumber}: {Before} -> {Count} complainants",
            complaint.IncidentId, move, complaint.Number, before, count);
        return standing.Where(m => m != complaint).ToList();
    }

    private async Task RequireDepartmentAsync(int? departmentId, CancellationToken cancellationToken)
    {
        if (departmentId is not { } id || !await db.Departments.AnyAsync(d => d.Id == id && d.IsActive, cancellationToken))
        {
            throw InputValidationException.For(nameof(DispatchInput.DepartmentId), "请选择有效的责任部门。");
        }
    }

    private void Validate<TInput>(TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (services.GetService<IValidator<TInput>>() is not { } validator)
        {
            return;
        }

        var result = validator.Validate(input);
        if (!result.IsValid)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(result.ToDictionary()));
        }
    }

    private async Task PublishAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        var events = complaint.Events.ToList();
        complaint.ClearEvents();
        foreach (var complaintEvent in events)
        {
            foreach (var handler in eventHandlers)
            {
                try
                {
                    await handler.HandleAsync(complaint, complaintEvent, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed notification must never undo or block the desk's work.
                    logger.LogError(ex, "Handling {Event} of complaint {ComplaintNumber} failed", complaintEvent.Kind, complaint.Number);
                }
            }
        }
    }

    private sealed record TopicChoice(int Id, int? DefaultDepartmentId);

}
