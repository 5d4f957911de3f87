using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Data;
using ComplaintDesk.Web.Tests.Escalations;
using ComplaintDesk.Web.Tests.Infrastructure;
using ComplaintDesk.Web.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Tools;

public sealed class DataGeneratorTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private GenerationResult _result = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        _result = await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(3_000, months: 12, projectCount: 20);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Generate_ThreeThousand_WritesThemWithUniqueWellFormedNumbers()
    {
        var numbers = await _app.WithDbAsync(db => db.Complaints.Select(c => c.Number).ToListAsync());

        Assert.Equal(3_000, _result.Complaints);
        Assert.Equal(3_000, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(ComplaintNumber.TryParse(n, out _, out _), n));
    }

    [Fact]
    public async Task Generate_Lifecycles_HaveTimelinesFollowUpsAndMostlyClosedOldComplaints()
    {
        var (timeline, followUps, closed, open, projects, months) = await _app.WithDbAsync(async db => (
            await db.TimelineEntries.CountAsync(),
            await db.FollowUps.CountAsync(),
            await db.Complaints.CountAsync(c => c.Status == ComplaintStatus.Closed),
            await db.Complaints.CountAsync(c => c.Status == ComplaintStatus.Registered || c.Status == ComplaintStatus.InProgress),
            await db.Complaints.Select(c => c.ProjectId).Distinct().CountAsync(),
            await db.MonthlySequences.CountAsync()));

        Assert.Equal(_result.TimelineEntries, timeline);
        Assert.True(timeline >= 3_000 * 3, $"timeline {timeline}");
        Assert.Equal(_result.FollowUps, followUps);
        Assert.InRange(closed, 2_400, 3_000);
        Assert.InRange(open, 1, 300);
        Assert.InRange(projects, 10, 20);
        Assert.Equal(12, months);
    }

    [Fact]
    public async Task Generate_LateLimits_HaveTheirEscalationsSoTheRunningClockFindsNothingToDo()
    {
        var (stored, late, unacknowledgedOld, overdueWithoutEvent) = await _app.WithDbAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow().UtcDateTime;
            return (
                await db.EscalationEvents().CountAsync(),
                await db.Complaints.CountAsync(c => c.ResolvedOnTime == false),
                await db.EscalationEvents().CountAsync(e => e.AcknowledgedAt == null && e.OccurredAt < now.AddDays(-2)),
                await db.Complaints.CountAsync(c => c.NextDueAt != null && c.NextDueAt < now
                    && !db.EscalationEvents().Any(e => e.ComplaintId == c.Id)));
        });

        Assert.Equal(_result.Escalations, stored);
        Assert.True(late > 0, "some complaints were resolved late");
        Assert.True(stored >= late * 2, $"{stored} escalations for {late} late resolutions (overdue and level 1 each)");
        Assert.Equal(0, unacknowledgedOld);
        Assert.Equal(0, overdueWithoutEvent);

        var run = await _app.RunClockAsync();
        Assert.Equal((0, 0), (run.Candidates, run.Recorded));
    }

    [Fact]
    public async Task Generate_ThenRegister_NextNumberFollowsTheGeneratedSequence()
    {
        var lastThisMonth = await _app.WithDbAsync(db => db.Complaints.Where(c => c.Number.StartsWith("TS202611")).MaxAsync(c => c.Number));
        await using var scope = _app.Services.CreateAsyncScope();
        var numbers = scope.ServiceProvider.GetRequiredService<ComplaintDesk.Data.ComplaintNumberAllocator>();

        var next = await numbers.NextAsync(new YearMonth(2026, 11));

        Assert.True(ComplaintNumber.TryParse(lastThisMonth, out _, out var last));
        Assert.Equal(ComplaintNumber.Format(new YearMonth(2026, 11), last + 1), next);
    }

    [SqliteOnlyFact("reads sqlite_master, SQLite's statistics and its file's integrity check after the bulk load")]
    public async Task Generate_OnSqlite_LeavesEveryIndexStatisticsWalAndASoundFile()
    {
        var (modelIndexes, fileIndexes, journal, integrity, orphans, statistics) = await _app.WithDbAsync(async db =>
        {
            var model = db.Model.GetEntityTypes()
                .Where(t => t.GetTableName() is "Complaints" or "TimelineEntries" or "FollowUps")
                .SelectMany(t => t.GetIndexes().Select(i => i.GetDatabaseName()!))
                .ToHashSet();
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = db.Database.GetDbConnection();
                return (
                    model,
                    await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Complaints', 'TimelineEntries', 'FollowUps');"),
                    (await ColumnAsync(connection, "PRAGMA journal_mode;")).Single(),
                    (await ColumnAsync(connection, "PRAGMA integrity_check;")).Single(),
                    await ColumnAsync(connection, "PRAGMA foreign_key_check;"),
                    await ColumnAsync(connection, "SELECT idx FROM sqlite_stat1 WHERE tbl = 'Complaints';"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.NotEmpty(modelIndexes);
        Assert.Subset(fileIndexes.ToHashSet(), modelIndexes);
        Assert.Equal("wal", journal);
        Assert.Equal("ok", integrity);
        Assert.Empty(orphans);
        Assert.Contains("IX_Complaints_ProjectId_Id", statistics);
        Assert.Contains("IX_Complaints_Status_Id", statistics);
    }

    [Fact]
    public async Task Generate_Rows_ReadBackThroughEfAsTheDomainWroteThem()
    {
        var complaint = await _app.WithDbAsync(db => db.Complaints.Include(c => c.Timeline).Include(c => c.FollowUps)
            .Where(c => c.Status == ComplaintStatus.Closed && c.FollowUps.Count > 0).OrderBy(c => c.Id).FirstAsync());

        Assert.Equal(DateTimeKind.Utc, complaint.RegisteredAt.Kind);
        Assert.NotNull(complaint.DispatchedAt);
        Assert.True(complaint.RegisteredAt < complaint.DispatchedAt);
        Assert.True(complaint.DispatchedAt <= complaint.ResolvedAt);
        Assert.True(complaint.ResolvedAt <= complaint.ClosedAt);
        Assert.Equal(ComplaintStatus.Closed, complaint.Timeline.OrderBy(t => t.Id).Last().ToStatus);
        Assert.Equal(complaint.Timeline.OrderBy(t => t.At).Select(t => t.Id), complaint.Timeline.OrderBy(t => t.Id).Select(t => t.Id));
        Assert.Equal(complaint.ClosedAt, complaint.FollowUps.Max(f => f.At));
    }

    private static async Task<List<string>> ColumnAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
