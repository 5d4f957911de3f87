using System.ComponentModel.DataAnnotations;

namespace ComplaintDesk.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    PostgreSql = 2,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "ComplaintDesk";
    public const string SqliteMigrationsAssembly = "ComplaintDesk.Data.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "ComplaintDesk.Data.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "ComplaintDesk.Data.Migrations.PostgreSql";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. On by default for SQLite; production SQL Server and PostgreSQL apply them by command.</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite: seconds between the background checkpoints that copy the write-ahead log into the database file. A
    /// positive value turns SQLite's own checkpoint off, which otherwise runs inside whichever commit crosses 1,000
    /// pages of log (the registration writer's, holding the write gate: stalls of hundreds of milliseconds under
    /// intake). 0: SQLite's own.
    /// </summary>
    [Range(0, 3600)]
    public int CheckpointSeconds { get; set; } = 1;
}
