using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tools;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>
/// Registers complaints and applies moves for pages and API alike: validate the input, load the complaint
/// within the caller's projects, let the domain decide, save once, log, tell event handlers.
/// </summary>
public sealed class ComplaintWorkflow(
    ComplaintDeskDbContext db,
    CurrentStaff staff,
    ProcedurePolicies policies,
    ComplaintNumberAllocator numbers,
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

    private static readonly System.Reflection.PropertyInfo _complaintId = typeof(Complaint).GetProperty(nameof(Complaint.Id))!;
    private static readonly System.Reflection.PropertyInfo _entryId = typeof(TimelineEntry).GetProperty(nameof(TimelineEntry.Id))!;
    private static readonly System.Reflection.PropertyInfo _entryComplaintId = typeof(TimelineEntry).GetProperty(nameof(TimelineEntry.ComplaintId))!;

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
            input.Phone!, input.Location!, input.Content!, input.ToFacts());
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
        registrations.Enqueue(pending);
        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                // Whoever holds the gate writes what is queued; this request's own registration may already be written.
                while (pending.IsWaiting)
                {
                    var batch = registrations.TakeBatch();
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    await WriteAsync(batch);
                }
            }
        }
        catch (OperationCanceledException) when (pending.TryAbandon())
        {
            throw;
        }

        var complaint = await pending.Done.Task;
        logger.LogInformation(
            "Complaint {ComplaintNumber} registered by {UserName}: type {Type}, severity {Severity}, clauses {Clauses}",
            complaint.Number, staff.UserName, complaint.Type, complaint.Severity, complaint.Clauses);
        await PublishAsync(complaint, cancellationToken);
        return complaint;
    }

    /// <summary>
    /// Writes a group of registrations in one transaction and completes each after the commit. Not cancellable:
    /// it writes for other requests too. When the group fails, each is written alone, so one bad registration
    /// fails only itself.
    /// </summary>
    private async Task WriteAsync(List<PendingRegistration> batch)
    {
        try
        {
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
            var toWrite = new List<int>();
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

            var created = new List<(int Index, Complaint Complaint)>();
            if (toWrite.Count > 0)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var allocated = await numbers.NextAsync(policy.Calendar.MonthOf(now), toWrite.Count, ct);
                for (var n = 0; n < toWrite.Count; n++)
                {
                    var pending = group[toWrite[n]];
                    var complaint = Complaint.Register(pending.Intake, allocated[n], pending.Actor, now, policy.Classification);
                    complaint.RefreshDeadlines(policy.TimeLimits, now);
                    created.Add((toWrite[n], complaint));
                }

                if (db.Database.IsSqlite())
                {
                    await InsertPreparedAsync(created.Select(c => c.Complaint), ct);

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
        MoveAsync(id, input, expectedVersion, ComplaintMove.Resolve, (c, p, now) => c.Resolve(input.Note!, staff.Actor, now, p.TimeLimits), cancellationToken);

    public Task<Complaint> RecordFollowUpAsync(long id, FollowUpInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.RecordFollowUp,
            (c, p, now) => c.RecordFollowUp(input.Method!.Value, input.Outcome!.Value, input.Note, staff.Actor, now, p.Classification), cancellationToken);

    public Task<Complaint> CloseUnreachableAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.CloseUnreachable,
            (c, p, now) => c.CloseAsUnreachable(input.Note!, staff.Actor, now, p.TimeLimits), cancellationToken);

    public Task<Complaint> ReopenAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Reopen, (c, p, now) => c.Reopen(input.Note!, staff.Actor, now, p.Classification), cancellationToken);

    public Task<Complaint> RecordRepeatRaiseAsync(long id, NoteInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.RecordRepeatRaise,
            (c, p, now) => c.RecordRepeatRaise(input.Note, staff.Actor, now, p.Classification), cancellationToken);

    public Task<Complaint> ReclassifyAsync(long id, ReclassifyInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Reclassify,
            (c, p, now) => c.Reclassify(input.ToFacts(), input.Reason!, staff.Actor, now, p.Classification), cancellationToken);

    public Task<Complaint> WithdrawAsync(long id, WithdrawInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ComplaintMove.Withdraw,
            (c, p, now) => c.Withdraw(input.Reason!.Value, input.Note!, staff.Actor, now), cancellationToken);

    private Task<Complaint> MoveAsync<TInput>(
        long id, TInput input, int? expectedVersion, ComplaintMove move, Action<Complaint, ProcedurePolicy, DateTime> apply, CancellationToken cancellationToken) =>
        MoveAsync(id, input, expectedVersion, move, (c, p, now) =>
        {
            apply(c, p, now);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<Complaint> MoveAsync<TInput>(
        long id, TInput input, int? expectedVersion, ComplaintMove move, Func<Complaint, ProcedurePolicy, DateTime, Task> apply, CancellationToken cancellationToken)
    {
        Validate(input);
        var policy = await policies.GetAsync(cancellationToken);
        Complaint complaint;
        ComplaintStatus from;
        using (await gate.EnterAsync(cancellationToken))
        {
            complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
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
            await apply(complaint, policy, now);
            complaint.RefreshDeadlines(policy.TimeLimits, now);
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
        return complaint;
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

    /// <summary>
    /// SQLite: the group's complaints and their timeline entries through two prepared INSERT … RETURNING commands in the
    /// open transaction; EF's SaveChanges would generate the SQL and track every row again for each registration. The
    /// entities get their keys as SaveChanges would give them.
    /// </summary>
    private async Task InsertPreparedAsync(IEnumerable<Complaint> complaints, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        long complaintId = 0;
        using var complaintWriter = new BulkTableWriter<Complaint>(db, connection, returning: "Id") { Transaction = transaction };
        using var timelineWriter = new BulkTableWriter<TimelineEntry>(
            db, connection, new Dictionary<string, Func<TimelineEntry, object?>> { ["ComplaintId"] = _ => complaintId }, returning: "Id")
        { Transaction = transaction };
        foreach (var complaint in complaints)
        {
            complaintId = Convert.ToInt64(await complaintWriter.InsertReturningAsync(complaint, cancellationToken), CultureInfo.InvariantCulture);
            _complaintId.SetValue(complaint, complaintId);
            foreach (var entry in complaint.Timeline)
            {
                var entryId = Convert.ToInt64(await timelineWriter.InsertReturningAsync(entry, cancellationToken), CultureInfo.InvariantCulture);
                _entryId.SetValue(entry, entryId);
                _entryComplaintId.SetValue(entry, complaintId);
            }
        }
    }

    private sealed record TopicChoice(int Id, int? DefaultDepartmentId);

    private sealed record GroupOutcome(Exception?[] Failures, List<(int Index, Complaint Complaint)> Written, List<PendingRegistration> Deferred);
}
