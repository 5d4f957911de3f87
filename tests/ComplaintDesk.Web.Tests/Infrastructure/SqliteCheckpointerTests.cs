using ComplaintDesk.Data;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tests.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Infrastructure;

/// <summary>SQLite's checkpoint runs in the background, not inside a commit (Database:CheckpointSeconds).</summary>
public sealed class SqliteCheckpointerTests
{
    [SqliteOnlyFact("the checkpointer copies SQLite's write-ahead log; PostgreSQL checkpoints itself")]
    public async Task Default_ConnectionsLeaveCheckpointsToTheBackgroundJobWhichCopiesTheWholeLog()
    {
        using var app = EscalationKit.NewApp();
        await app.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await app.RegisterAsync();
        }

        var autoCheckpoint = await AutoCheckpointAsync(app);
        Assert.NotNull(app.Services.GetService<SqliteCheckpointer>());
        // A background job's read (the clock's look) can hold the log for a moment on a busy machine: a busy
        // checkpoint is legitimate then, so try again briefly; what must hold is that one completes and copies all.
        var result = await app.WithDbAsync(db => SqliteStatements.CheckpointAsync(db));
        for (var attempt = 0; result.Busy && attempt < 50; attempt++)
        {
            await Task.Delay(100);
            result = await app.WithDbAsync(db => SqliteStatements.CheckpointAsync(db));
        }

        var again = await app.WithDbAsync(db => SqliteStatements.CheckpointAsync(db));

        Assert.Equal(0, autoCheckpoint);
        Assert.False(result.Busy);
        Assert.True(result.LogFrames > 0, "the registrations are in the log");
        Assert.Equal(result.LogFrames, result.CopiedFrames);
        Assert.Equal(again.LogFrames, again.CopiedFrames);
    }

    [SqliteOnlyFact("the checkpointer copies SQLite's write-ahead log; PostgreSQL checkpoints itself")]
    public async Task CheckpointSecondsZero_SqliteCheckpointsItselfAndNoJobRuns()
    {
        using var app = EscalationKit.NewApp();
        app.Settings["Database:CheckpointSeconds"] = "0";
        await app.StartAsync();

        var autoCheckpoint = await AutoCheckpointAsync(app);

        Assert.Equal(1000, autoCheckpoint);
        Assert.Null(app.Services.GetService<SqliteCheckpointer>());
    }

    /// <summary>The automatic checkpoint's threshold on a connection of the app's pool (0 = off).</summary>
    private static Task<long> AutoCheckpointAsync(DeskAppFactory app) => app.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });
}
