using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintDesk.Data;

/// <summary>
/// Settings of each SQLite connection, applied once when the pool hands out a connection it has not handed out
/// before (a pooled connection keeps them). The page cache of each connection is held to
/// <see cref="CacheKibibytes"/>: under load the pool holds one connection per concurrent request, and SQLite's
/// default (2 MiB each, private to the connection) made the app's memory grow with the number of connections;
/// the operating system's file cache, shared by all of them, keeps the pages anyway.
/// </summary>
/// <param name="checkpointInBackground">SQLite's automatic checkpoint is off on every connection: the app checkpoints from
/// a background task (<see cref="DatabaseOptions.CheckpointSeconds"/>).</param>
public sealed class SqliteConnectionSettings(bool checkpointInBackground = false) : DbConnectionInterceptor
{
    public const int CacheKibibytes = 512;

    /// <summary>Bytes of write-ahead log kept on disk after a checkpoint lets it start over (the rest is truncated).</summary>
    public const long JournalSizeLimit = 64L << 20;

    public bool CheckpointInBackground => checkpointInBackground;

    private readonly ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite || sqlite.Handle is not { } handle || _configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA journal_size_limit = {JournalSizeLimit};"
            + (checkpointInBackground ? " PRAGMA wal_autocheckpoint = 0;" : string.Empty);
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, handle);
    }
}
