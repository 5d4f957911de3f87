using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>What one checkpoint did: frames in the write-ahead log, frames copied into the database file.</summary>
public readonly record struct CheckpointResult(bool Busy, long LogFrames, long CopiedFrames);

/// <summary>The SQLite-only statements the app runs besides EF's (journal mode, checkpoints, page cache).</summary>
public static class SqliteStatements
{
    /// <summary>WAL lets readers go on while one writer writes; the setting is kept in the file.</summary>
    public static Task UseWriteAheadLogAsync(ComplaintDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>One PASSIVE checkpoint: it waits for no reader and no writer.</summary>
    public static async Task<CheckpointResult> CheckpointAsync(ComplaintDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new CheckpointResult(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2))
                : default;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Sets an open connection's page cache (negative: KiB, positive: pages).</summary>
    public static async Task SetCacheSizeAsync(SqliteConnection connection, int cacheSize)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize};");
        await command.ExecuteNonQueryAsync();
    }
}
