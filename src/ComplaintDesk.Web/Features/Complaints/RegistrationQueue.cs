using System.Collections.Concurrent;
using ComplaintDesk.Data;
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
/// Registrations waiting to be written (group commit). Each request queues its checked registration and waits; one writer
/// (a background loop started by the first registration and ending after <see cref="IdleFor"/> without work) enters the
/// write gate, writes everything queued so far (up to <see cref="MaxBatch"/>) in one transaction, leaves the gate and
/// completes each registration after the commit. One commit (one fsync on SQLite) then serves many registrations, a
/// registration is acknowledged only after the commit that stored it, and the requests of a written group never queue
/// at the gate themselves.
/// </summary>
public sealed class RegistrationQueue(IServiceScopeFactory scopes, WriteGate gate, ILogger<RegistrationQueue> logger)
{
    /// <summary>Most registrations written in one transaction.</summary>
    public const int MaxBatch = 128;

    /// <summary>How long the writer waits for more work before it ends its session (and gives its connection back).</summary>
    public static readonly TimeSpan IdleFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<PendingRegistration> _queue = new();
    private readonly SemaphoreSlim _work = new(0);
    private int _writing;

    /// <summary>How many registrations wait for the writer (checked, not yet taken).</summary>
    public int Waiting => _queue.Count;

    /// <summary>Queues the registration for the writer; the task completes after the commit that stored it, or with why not.</summary>
    public Task<Complaint> Submit(PendingRegistration pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        _queue.Enqueue(pending);
        _work.Release();
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteLoopAsync);
        }

        return pending.Done.Task;
    }

    /// <summary>Takes up to <see cref="MaxBatch"/> waiting registrations (skipping abandoned ones) for the caller to write.</summary>
    public List<PendingRegistration> TakeBatch()
    {
        var batch = new List<PendingRegistration>(Math.Min(_queue.Count, MaxBatch));
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
        {
            if (pending.TryTake())
            {
                batch.Add(pending);
            }
        }

        return batch;
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var writer = scope.ServiceProvider.GetRequiredService<RegistrationWriter>();
                while (true)
                {
                    if (_queue.IsEmpty)
                    {
                        if (!await _work.WaitAsync(IdleFor))
                        {
                            break;
                        }

                        continue;
                    }

                    using (await gate.EnterAsync())
                    {
                        var batch = TakeBatch();
                        if (batch.Count > 0)
                        {
                            await writer.WriteAsync(batch);
                        }
                    }
                }
            }
            catch (Exception ex)
            {
                // The writer itself failed (not a registration: those fail inside WriteAsync): fail what waits, never hang it.
                logger.LogError(ex, "The registration writer failed");
                foreach (var pending in TakeBatch())
                {
                    pending.Done.TrySetException(ex);
                }
            }

            Volatile.Write(ref _writing, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
            {
                return;
            }
        }
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
