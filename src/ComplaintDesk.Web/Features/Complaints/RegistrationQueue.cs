using System.Collections.Concurrent;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>An API <c>Idempotency-Key</c> to store in the transaction that creates the complaint.</summary>
public sealed record IdempotencyClaim(string UserId, string Key, string RequestHash);

/// <summary>The key was stored by an earlier request (perhaps while this one waited); nothing was created.</summary>
public sealed class IdempotencyKeyTakenException(IdempotencyKey first) : Exception("Idempotency key already used.")
{
    public IdempotencyKey First { get; } = first;
}

/// <summary>
/// Registrations waiting for the write gate (group commit). Every registration joins the queue, then enters
/// the gate; the first one in writes everything queued so far in one transaction, and the others find their
/// complaint written when their turn comes. One commit (one fsync on SQLite) then serves many registrations,
/// and a registration is acknowledged only after the commit that stored it.
/// </summary>
public sealed class RegistrationQueue
{
    /// <summary>Most registrations written in one transaction.</summary>
    public const int MaxBatch = 128;

    private readonly ConcurrentQueue<PendingRegistration> _queue = new();

    public void Enqueue(PendingRegistration pending) => _queue.Enqueue(pending);

    /// <summary>Takes up to <see cref="MaxBatch"/> waiting registrations (skipping abandoned ones) for the caller to write.</summary>
    public List<PendingRegistration> TakeBatch()
    {
        var batch = new List<PendingRegistration>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
        {
            if (pending.TryTake())
            {
                batch.Add(pending);
            }
        }

        return batch;
    }
}

/// <summary>One registration between its validation and its commit.</summary>
public sealed class PendingRegistration(ComplaintIntake intake, Actor actor, IdempotencyClaim? claim)
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Abandoned = 2;
    private int _state;

    public ComplaintIntake Intake { get; } = intake;

    public Actor Actor { get; } = actor;

    public IdempotencyClaim? Claim { get; } = claim;

    /// <summary>Completes after the commit with the stored complaint, or with why it was not stored.</summary>
    public TaskCompletionSource<Complaint> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsWaiting => Volatile.Read(ref _state) == Waiting;

    /// <summary>A writer claims it; false when another writer has it or its request gave up.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>The request gave up before any writer took it: it will never be written.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;
}
