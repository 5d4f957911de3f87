using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Housekeeping;
using ComplaintDesk.Web.Tests.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Housekeeping;

public sealed class HousekeeperTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task RunOnce_OldKeysAndSnapshots_RemovesOnlyThosePastTheirTime()
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var complaintId = await Desk.RegisterAsync(await _app.SignInAsync("clerk"));
        await _app.WithDbAsync(async db =>
        {
            // 2,500 keys older than a week (more than two batches), 3 from yesterday.
            for (var i = 0; i < 2_503; i++)
            {
                db.IdempotencyKeys.Add(new IdempotencyKey
                {
                    UserId = "api-user", Key = $"k-{i}", RequestHash = "h", ComplaintId = complaintId,
                    CreatedAt = i < 2_500 ? now.AddDays(-8) : now.AddDays(-1),
                });
            }

            db.ReportSnapshots.Add(Snapshot("2025-01", now.AddDays(-61)));
            db.ReportSnapshots.Add(Snapshot("2026-10", now.AddDays(-2)));
            return await db.SaveChangesAsync();
        });

        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Housekeeper>().RunOnceAsync(now);

        Assert.Equal(new HousekeepingResult(2_500, 1), result);
        var keys = await _app.WithDbAsync(db => db.IdempotencyKeys.Select(k => k.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["k-2500", "k-2501", "k-2502"], keys);
        var months = await _app.WithDbAsync(db => db.ReportSnapshots.Where(s => s.ScopeKey == "test").Select(s => s.Month).ToListAsync());
        Assert.Equal(["2026-10"], months);
    }

    private static ReportSnapshot Snapshot(string month, DateTime computedAt) => new()
    {
        ScopeKey = "test", Month = month, Kind = "figures", Json = "{}", ComputedAt = computedAt, DataVersion = "v",
    };
}
