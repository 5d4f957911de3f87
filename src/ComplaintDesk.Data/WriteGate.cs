namespace ComplaintDesk.Data;

/// <summary>
/// SQLite takes one writer at a time, and Microsoft.Data.Sqlite waits out a busy database by sleeping its
/// thread in 150 ms steps: writers queue here instead of colliding in the database. On SQL Server the
/// gate is open.
/// </summary>
public sealed class WriteGate(bool enabled) : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public bool IsEnabled => enabled;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (!enabled)
        {
            return default;
        }

        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    /// <summary>Leaves the gate when disposed.</summary>
    public readonly struct Releaser(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
