using ComplaintDesk.Data;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>Several clocks over one SQLite database record each event exactly once.</summary>
[Collection(EscalationKit.Collection)]
public sealed class ClockConcurrencyTests : IAsyncLifetime
{
    private readonly DeskAppFactory _first = EscalationKit.NewApp();
    private DeskAppFactory _second = null!;

    public async Task InitializeAsync()
    {
        await _first.StartAsync();

        // A second app instance over the same database file, with its own write gate and clock.
        _second = EscalationKit.NewApp();
        _second.Settings["App:DataFolder"] = _first.DataFolder;
        _ = _second.Server;
    }

    public Task DisposeAsync()
    {
        _second.Dispose();
        _first.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunOnce_TwoScopesConcurrently_RecordEachEventOnce()
    {
        var ids = await RegisterOverdueAsync(4);

        var now = _first.Clock.GetUtcNow().UtcDateTime;
        await using var a = _first.Services.CreateAsyncScope();
        await using var b = _first.Services.CreateAsyncScope();
        await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<ClockCheck>().RunOnceAsync(now)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<ClockCheck>().RunOnceAsync(now)));

        await AssertRecordedOnceAsync(ids);
    }

    [Fact]
    public async Task RunOnce_TwoAppInstancesOverOneDatabase_RecordEachEventOnce()
    {
        var ids = await RegisterOverdueAsync(6);

        var now = _first.Clock.GetUtcNow().UtcDateTime;
        var runs = new List<Task<ClockRunResult>>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(Task.Run(() => RunAsync(_first, now)));
            runs.Add(Task.Run(() => RunAsync(_second, now)));
        }

        await Task.WhenAll(runs);

        await AssertRecordedOnceAsync(ids);
        Assert.Equal(ids.Count * 2, runs.Sum(r => r.Result.Recorded) - await OtherEventsAsync(ids, now));
    }

    private static async Task<ClockRunResult> RunAsync(DeskAppFactory app, DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClockCheck>().RunOnceAsync(now);
    }

    private async Task<List<long>> RegisterOverdueAsync(int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await _first.RegisterAsync(EscalationKit.Input(name: $"业主{i}", phone: $"1390000{i:0000}")));
        }

        _first.Advance(TimeSpan.FromMinutes(30));
        return ids;
    }

    /// <summary>Events the runs recorded for complaints of other tests in this class (same database).</summary>
    private Task<int> OtherEventsAsync(List<long> ids, DateTime now) =>
        _first.WithDbAsync(db => db.EscalationEvents().CountAsync(e => !ids.Contains(e.ComplaintId) && e.OccurredAt == now));

    private async Task AssertRecordedOnceAsync(List<long> ids)
    {
        foreach (var id in ids)
        {
            var events = await _first.EventsAsync(id);
            Assert.Equal([EscalationKind.DispatchOverdue, EscalationKind.Level1], events.Select(e => e.Kind).Order());
            var timeline = await _first.TimelineAsync(id);
            Assert.Single(timeline, t => t.Kind == TimelineKind.Overdue);
            Assert.Single(timeline, t => t.Kind == TimelineKind.Escalated);
        }
    }
}
