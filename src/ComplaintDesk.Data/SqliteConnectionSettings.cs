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
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const int CacheKibibytes = 512;

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
        command.CommandText = $"PRAGMA cache_size = -{CacheKibibytes};";
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, handle);
    }
}
