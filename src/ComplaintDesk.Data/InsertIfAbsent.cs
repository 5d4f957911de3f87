using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>
/// The one statement EF Core cannot write: insert a row by its key unless it is there, safe against a concurrent
/// insert of the same key, without an error. An error is no option on PostgreSQL, where it aborts the whole
/// transaction. SQLite and PostgreSQL share the standard <c>ON CONFLICT DO NOTHING</c>; SQL Server locks the key's
/// range instead (untested here: docs/deployment.md).
/// </summary>
public static class InsertIfAbsent
{
    /// <summary>Inserts (<paramref name="key"/>, <paramref name="value"/>) into a table of a string key and a
    /// number; returns 1 when inserted, 0 when the key was there.</summary>
    public static Task<int> KeyValueAsync(
        DbContext context, string table, string keyColumn, string valueColumn, string key, long value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.ExecuteSqlRawAsync(Sql(context, table, keyColumn, valueColumn), [key, value], cancellationToken);
    }

    /// <summary>The synchronous form of <see cref="KeyValueAsync"/>, for synchronous SaveChanges.</summary>
    public static int KeyValue(DbContext context, string table, string keyColumn, string valueColumn, string key, long value)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.ExecuteSqlRaw(Sql(context, table, keyColumn, valueColumn), key, value);
    }

    public static bool IsSqlServer(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true;
    }

    private static string Sql(DbContext context, string table, string keyColumn, string valueColumn) => IsSqlServer(context)
        ? $"INSERT INTO [{table}] ([{keyColumn}], [{valueColumn}]) SELECT {{0}}, {{1}} WHERE NOT EXISTS "
            + $"(SELECT 1 FROM [{table}] WITH (UPDLOCK, HOLDLOCK) WHERE [{keyColumn}] = {{0}})"
        : $"INSERT INTO \"{table}\" (\"{keyColumn}\", \"{valueColumn}\") VALUES ({{0}}, {{1}}) ON CONFLICT DO NOTHING";
}
