using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>
/// The clock reads a complaint only when it may have something new to record (Complaint.ClockDueAt): a run over
/// complaints whose escalations are all recorded reads none of them, and a look that records nothing changes
/// nothing a person or the report can see.
/// </summary>
[Collection(EscalationKit.Collection)]
public sealed class ClockSchedulingTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = EscalationKit.NewApp();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunOnce_EverythingDueRecorded_ReadsTheComplaintAgainOnlyAtItsNextLimit()
    {
        var id = await _app.RegisterAsync();
        var registeredAt = (await _app.ComplaintAsync(id)).RegisteredAt;
        _app.Advance(TimeSpan.FromMinutes(21));

        var first = await _app.RunClockAsync();
        var second = await _app.RunClockAsync();
        _app.Advance(TimeSpan.FromMinutes(18));
        var stillLevel1 = await _app.RunClockAsync();

        Assert.Equal((1, 2), (first.Candidates, first.Recorded));
        Assert.Equal(0, second.Candidates);
        Assert.Equal(0, stillLevel1.Candidates);
        // Dispatch overdue by its whole limit again (level 2) is the next thing that can happen.
        Assert.Equal(registeredAt.AddMinutes(40), (await _app.ComplaintAsync(id)).ClockDueAt);

        _app.Advance(TimeSpan.FromMinutes(2));
        var level2 = await _app.RunClockAsync();

        Assert.Equal((1, 1), (level2.Candidates, level2.Recorded));
        Assert.Single(await _app.EventsAsync(id), e => e.Kind == EscalationKind.Level2);
        // Next: the resolution limit (24 hours for a minor A complaint) falls due.
        Assert.Equal(registeredAt.AddHours(24).AddMicroseconds(1), (await _app.ComplaintAsync(id)).ClockDueAt);
    }

    [Fact]
    public async Task RunOnce_AfterAPersonsChangeWithNothingNew_MovesTheNextLookOnWithoutTouchingVersionOrReport()
    {
        var id = await _app.RegisterAsync();
        _app.Advance(TimeSpan.FromHours(25));
        await _app.RunClockAsync();
        await _app.DispatchAsync(id); // late: the resolution limit is still overdue, its events already recorded
        var changed = await _app.ComplaintAsync(id);
        Assert.True(changed.ClockDueAt <= _app.Clock.GetUtcNow().UtcDateTime, "a person's change lets the clock look again");
        var events = (await _app.EventsAsync(id)).Count;
        var stamps = await StampsAsync();

        var look = await _app.RunClockAsync();

        var after = await _app.ComplaintAsync(id);
        Assert.Equal((1, 0, 0), (look.Candidates, look.Recorded, look.Skipped));
        Assert.Equal(events, (await _app.EventsAsync(id)).Count);
        Assert.Equal(changed.Version, after.Version);
        Assert.Equal(stamps, await StampsAsync());
        Assert.Equal(changed.RegisteredAt.AddHours(48), after.ClockDueAt); // resolution overdue by its whole limit again
        Assert.Equal(0, (await _app.RunClockAsync()).Candidates);
    }

    [Fact]
    public async Task RunOnce_MajorComplaintRegistered_Level2AtTheNextRunThenNotReadAgain()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(governmentReferral: true));

        var first = await _app.RunClockAsync();
        var second = await _app.RunClockAsync();

        Assert.Equal((1, 0), (first.Candidates, second.Candidates));
        Assert.Single(await _app.EventsAsync(id), e => e.Kind == EscalationKind.Level2);
    }

    [Fact]
    public async Task RunOnce_ClosedComplaint_IsNeverACandidate()
    {
        var id = await _app.RegisterAsync();
        await _app.DispatchAsync(id);
        await _app.WorkflowAsync(w => w.ResolveAsync(id, new NoteInput { Note = "已修复" }, null));
        await _app.CallerWorkflowAsync(w => w.RecordFollowUpAsync(
            id, new FollowUpInput { Method = Domain.Complaints.FollowUpMethod.Phone, Outcome = Domain.Complaints.FollowUpOutcome.Satisfied, Note = "满意" }, null));

        _app.Advance(TimeSpan.FromDays(60));

        Assert.Null((await _app.ComplaintAsync(id)).ClockDueAt);
        Assert.Equal(0, (await _app.RunClockAsync()).Candidates);
        Assert.Empty(await _app.EventsAsync(id));
    }

    private Task<List<(string Month, long Stamp)>> StampsAsync() =>
        _app.WithDbAsync(async db => (await db.ReportMonthVersions.AsNoTracking().OrderBy(v => v.Month).ToListAsync())
            .Select(v => (v.Month, v.Stamp)).ToList());
}
