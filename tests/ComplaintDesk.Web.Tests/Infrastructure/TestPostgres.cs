using ComplaintDesk.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintDesk.Web.Tests.Infrastructure;

/// <summary>
/// The switch that runs the in-process tests on PostgreSQL: <c>COMPLAINTDESK_TEST_POSTGRES</c> holds a connection
/// string to a server without a database (eng/postgres.sh prints one). The migrations build one template database per
/// test run; each app factory gets a copy of it (<c>CREATE DATABASE … TEMPLATE</c>, a fraction of a second) and drops
/// it when disposed, so test classes stay parallel on databases of their own.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "COMPLAINTDESK_TEST_POSTGRES";

    private static readonly string? _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
    private static readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private static readonly Lazy<string> _template = new(CreateTemplate);
    private static readonly Lock _creating = new();

    /// <summary>True when the tests run on PostgreSQL.</summary>
    public static bool Enabled => _server is not null;

    /// <summary>A new database copied from the migrated template; returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = $"cd_{_run}_{Guid.NewGuid():N}"[..40];
        var template = _template.Value;
        lock (_creating)
        {
            // Copies from one template are serialised: PostgreSQL refuses a copy while anything else uses the template.
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }

        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing what the app's pool still holds.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Closes a database to connections (those open are ended) or opens it again: the server-side twin of a
    /// SQLite file moved away.</summary>
    public static void SetAvailable(string connectionString, bool available)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS {(available ? "true" : "false")}");
        if (!available)
        {
            Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        }

        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_server ?? throw new InvalidOperationException($"{Variable} is not set."))
        {
            Database = database,
        }.ConnectionString;

    private static string CreateTemplate()
    {
        var name = $"cdt_{_run}";
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = ConnectionString(name);
        var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.PostgreSql, connectionString);
        using (var db = new ComplaintDeskDbContext(builder.Options))
        {
            db.Database.Migrate();
        }

        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The cluster is a throwaway one; a leftover template goes with it.
            }
        };
        return name;
    }

    private static void Execute(string sql)
    {
        // Pooling off: the maintenance connection must not linger on "postgres" between calls.
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
