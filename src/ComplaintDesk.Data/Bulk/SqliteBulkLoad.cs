using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ComplaintDesk.Data.Bulk;

/// <summary>
/// Settings of one SQLite connection for a bulk load, undone by <see cref="Dispose"/>: the secondary indexes of the
/// loaded tables are dropped and built again once at the end (one sort each instead of a B-tree insert per row and
/// index; those led by a column loaded in ascending order are kept, they only grow at the end), the rollback journal is kept in memory with the file locked exclusively, no fsync, a large page cache,
/// foreign keys unchecked (the generator writes parents before children). The journal mode is put back (WAL) and
/// every other setting read before is restored, so the pooled connection goes back as it came.
/// </summary>
/// <remarks>
/// A process killed in the middle leaves a database to throw away (the journal is in memory): fine for generated
/// data in a fresh folder, not for anything else. While another connection holds the file open in WAL mode the journal
/// stays WAL and the lock shared (the tests, which run the generator inside the running app).
/// </remarks>
public sealed class SqliteBulkLoad : IDisposable
{
    /// <summary>Page cache during the load and the index builds.</summary>
    public const int CacheKibibytes = 256 * 1024;

    /// <summary>The file mapped into memory while the indexes are built (each build reads the whole table).</summary>
    public const long MmapBytes = 8L << 30;

    private readonly SqliteConnection _connection;
    private readonly List<(string Name, string Sql)> _indexes = [];
    private readonly string _journalMode;
    private readonly long _synchronous;
    private readonly long _cacheSize;
    private readonly long _foreignKeys;
    private readonly long _tempStore;
    private readonly long _mmapSize;
    private readonly long _threads;
    private bool _indexesBuilt;

    private SqliteBulkLoad(SqliteConnection connection, IReadOnlyDictionary<string, string[]> tables)
    {
        _connection = connection;
        _journalMode = Scalar("PRAGMA journal_mode;")?.ToString() ?? "wal";
        _synchronous = Convert.ToInt64(Scalar("PRAGMA synchronous;"), CultureInfo.InvariantCulture);
        _cacheSize = Convert.ToInt64(Scalar("PRAGMA cache_size;"), CultureInfo.InvariantCulture);
        _foreignKeys = Convert.ToInt64(Scalar("PRAGMA foreign_keys;"), CultureInfo.InvariantCulture);
        _tempStore = Convert.ToInt64(Scalar("PRAGMA temp_store;"), CultureInfo.InvariantCulture);
        _mmapSize = Convert.ToInt64(Scalar("PRAGMA mmap_size;"), CultureInfo.InvariantCulture);
        _threads = Convert.ToInt64(Scalar("PRAGMA threads;"), CultureInfo.InvariantCulture);
        Execute($"PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{CacheKibibytes}; "
            + $"PRAGMA mmap_size = {MmapBytes}; PRAGMA threads = 2;");
        try
        {
            if (string.Equals(Scalar("PRAGMA journal_mode = MEMORY;")?.ToString(), "memory", StringComparison.OrdinalIgnoreCase))
            {
                Execute("PRAGMA locking_mode = EXCLUSIVE;");
            }
        }
        catch (SqliteException)
        {
            // Another connection is reading: the load goes on in WAL mode.
        }

        var found = new List<(string Name, string Table, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                + string.Join(", ", tables.Keys.Select((_, i) => $"@t{i}")) + ") ORDER BY name;";
            var i = 0;
            foreach (var table in tables.Keys)
            {
                command.Parameters.AddWithValue($"@t{i++}", table);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (name, table, sql) in found)
        {
            // An index led by a column whose values arrive in ascending order only ever grows at its right edge:
            // as cheap to keep as the table itself, and a rebuild would sort it all again.
            var quoted = name.Replace("\"", "\"\"", StringComparison.Ordinal);
            var leading = Scalar($"SELECT name FROM pragma_index_info('{name.Replace("'", "''", StringComparison.Ordinal)}') ORDER BY seqno LIMIT 1;") as string;
            if (leading is not null && tables[table].Contains(leading, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            _indexes.Add((name, sql));
            Execute($"DROP INDEX \"{quoted}\";");
        }
    }

    /// <param name="tables">The loaded tables, each with the columns whose values the load writes in ascending order
    /// (indexes led by one of them are kept).</param>
    public static SqliteBulkLoad Begin(SqliteConnection connection, IReadOnlyDictionary<string, string[]> tables)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Idle pooled connections keep the file open in WAL mode, and the journal mode cannot change while they do.
        SqliteConnection.ClearPool(connection);
        return new SqliteBulkLoad(connection, tables);
    }

    /// <summary>Builds the dropped indexes again (with their original definitions).</summary>
    public void BuildIndexes()
    {
        _indexesBuilt = true;
        foreach (var (_, sql) in _indexes)
        {
            Execute(sql + ";");
        }
    }

    public void Dispose()
    {
        if (!_indexesBuilt)
        {
            BuildIndexes();
        }

        Execute("PRAGMA locking_mode = NORMAL;");
        Scalar("SELECT count(*) FROM sqlite_master;"); // releases the exclusive lock
        Scalar($"PRAGMA journal_mode = {_journalMode};");
        Execute($"PRAGMA synchronous = {_synchronous}; PRAGMA cache_size = {_cacheSize}; PRAGMA temp_store = {_tempStore}; PRAGMA foreign_keys = {_foreignKeys}; "
            + $"PRAGMA mmap_size = {_mmapSize}; PRAGMA threads = {_threads};");
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
