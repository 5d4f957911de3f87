using ComplaintDesk.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// SQLite: copies the write-ahead log into the database file every <see cref="DatabaseOptions.CheckpointSeconds"/>,
/// from a connection of the app's pool and outside the write gate (PASSIVE: it waits for no reader and no writer, and
/// the writer goes on appending meanwhile). The connections have SQLite's automatic checkpoint off
/// (<see cref="SqliteConnectionSettings"/>), so no commit pays for a checkpoint. Each instance runs one; SQLite lets one
/// checkpoint run at a time and the others report busy. Runs on the real clock: it is housekeeping of the file, not
/// the procedure's time.
/// </summary>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger)
    : PeriodicScopedService(scopes, TimeProvider.System, logger)
{
    /// <summary>Log frames (4 KiB pages) above which a checkpoint that cannot keep up is reported.</summary>
    private const long WarnFrames = 100_000;

    protected override string JobName => "SQLite checkpoint";

    protected override TimeSpan? Interval => TimeSpan.FromSeconds(options.Value.CheckpointSeconds);

    protected override async Task RunOnceAsync(IServiceProvider services, DateTime nowUtc, CancellationToken cancellationToken)
    {
        try
        {
            var result = await SqliteStatements.CheckpointAsync(services.GetRequiredService<ComplaintDeskDbContext>(), cancellationToken);
            if (result.LogFrames - result.CopiedFrames > WarnFrames)
            {
                logger.LogWarning(
                    "Checkpoint copied {Copied} of {Frames} log frames: long-running readers hold the rest", result.CopiedFrames, result.LogFrames);
            }
        }
        catch (SqliteException ex)
        {
            // The database is away or locked; the next tick tries again (a warning, not an error every second).
            logger.LogWarning("Checkpoint failed: {Error}", ex.Message);
        }
    }
}
