using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Data;

public static class DataServiceCollectionExtensions
{
    private static readonly SqliteConnectionSettings _sqliteSettings = new();
    private static readonly SqliteConnectionSettings _sqliteSettingsCheckpointInBackground = new(checkpointInBackground: true);

    /// <summary>
    /// Registers the context for the configured provider (<c>Database:Provider</c>, default SQLite in
    /// <paramref name="dataFolder"/>), the write gate and the number allocator.
    /// </summary>
    public static IServiceCollection AddComplaintDeskData(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataFolder);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataFolder, "complaintdesk.db"),
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required for provider {options.Provider}.");
        }

        var background = options.Provider == DatabaseProvider.Sqlite && options.CheckpointSeconds > 0;
        services.AddDbContextPool<ComplaintDeskDbContext>((sp, builder) => Configure(builder, options.Provider, connectionString, background)
            .AddInterceptors(sp.GetRequiredService<ReportVersionInterceptor>(), SearchIndexInterceptor.Instance));
        services.AddSingleton(sp => new ReportVersionInterceptor(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(new WriteGate(options.Provider == DatabaseProvider.Sqlite));
        services.AddScoped<ComplaintNumberAllocator>();
        return services;
    }

    /// <param name="checkpointInBackground">SQLite: automatic checkpoints off, for an app that checkpoints in the background.</param>
    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, bool checkpointInBackground = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, sql =>
            {
                sql.MigrationsAssembly(DatabaseOptions.SqlServerMigrationsAssembly);
                sql.EnableRetryOnFailure(3);
            }),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsAssembly(DatabaseOptions.PostgreSqlMigrationsAssembly);
                npgsql.EnableRetryOnFailure(3);
            }),
            _ => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly))
                .AddInterceptors(checkpointInBackground ? _sqliteSettingsCheckpointInBackground : _sqliteSettings),
        };
    }
}
