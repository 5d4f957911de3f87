using ComplaintDesk.Data;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>The clock moves through every time limit of domain.md with a fake clock; each event is recorded once.</summary>
[Collection(EscalationKit.Collection)]
public sealed class ClockCheckTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = EscalationKit.NewApp();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunOnce_NotDispatchedWithin20Minutes_RecordsDispatchOverdueOnce()
    {
        var id = await _app.RegisterAsync();
        _app.Advance(TimeSpan.FromMinutes(19));
        await _app.RunClockAsync();
        Assert.Empty(await _app.EventsAsync(id));

        _app.Advance(TimeSpan.FromMinutes(2));
        await _app.RunClockAsync();
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var events = await _app.EventsAsync(id);
        Assert.Equal([EscalationKind.DispatchOverdue, EscalationKind.Level1], events.Select(e => e.Kind));
        Assert.Equal(TimeSpan.FromMinutes(20), events[0].Limit);
        var timeline = await _app.TimelineAsync(id);
        Assert.Single(timeline, t => t.Kind == TimelineKind.Overdue);
        Assert.Single(timeline, t => t.Kind == TimelineKind.Escalated);
        Assert.Contains("派单超时", timeline.Single(t => t.Kind == TimelineKind.Overdue).Detail, StringComparison.Ordinal);
        Assert.Equal("system", timeline.Single(t => t.Kind == TimelineKind.Overdue).ActorId);
    }

    [Fact]
    public async Task RunOnce_DispatchOverdueByItsWholeLimitAgain_RecordsLevel2Once()
    {
        var id = await _app.RegisterAsync();
        _app.Advance(TimeSpan.FromMinutes(25));
        await _app.RunClockAsync();
        _app.Advance(TimeSpan.FromMinutes(14));
        await _app.RunClockAsync();
        Assert.DoesNotContain(await _app.EventsAsync(id), e => e.Kind == EscalationKind.Level2);

        _app.Advance(TimeSpan.FromMinutes(2));
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var events = await _app.EventsAsync(id);
        Assert.Single(events, e => e.Kind == EscalationKind.Level2);
        Assert.Single(events, e => e.Kind == EscalationKind.Level1);
        Assert.Contains("经理", events.Single(e => e.Kind == EscalationKind.Level2).Detail, StringComparison.Ordinal);
        var notified = await _app.WithDbAsync(db => db.Notifications().Where(n => n.ComplaintId == id).ToListAsync());
        Assert.Equal(2, notified.Count);
        Assert.All(notified, n => Assert.Contains("二级升级", n.Message, StringComparison.Ordinal));
        Assert.Contains(await _app.UserIdAsync("manager"), notified.Select(n => n.UserId));
    }

    [Theory]
    [InlineData(Cause.ManagementService, false, 24)]
    [InlineData(Cause.ManagementService, true, 72)]
    [InlineData(Cause.EngineeringQuality, false, 15 * 24)]
    [InlineData(Cause.External, false, 48)]
    public async Task RunOnce_ResolutionLimitByTypeAndSeverity_OverdueOnlyAfterTheLimit(Cause cause, bool companyAtFault, int hours)
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(cause: cause, companyAtFault: companyAtFault));
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(1));
        await _app.RunClockAsync();
        Assert.DoesNotContain(await _app.EventsAsync(id), e => e.Kind == EscalationKind.ResolutionOverdue);

        _app.Advance(TimeSpan.FromMinutes(2));
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var overdue = Assert.Single(await _app.EventsAsync(id), e => e.Kind == EscalationKind.ResolutionOverdue);
        Assert.Equal(TimeSpan.FromHours(hours), overdue.Limit);
    }

    [Fact]
    public async Task RunOnce_MajorComplaintWithDailyProgress_ResolutionOverdueAfterSevenDaysWithoutProgressOverdue()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(governmentReferral: true));
        await _app.DispatchAsync(id);
        for (var day = 0; day < 7; day++)
        {
            _app.Advance(TimeSpan.FromHours(20));
            await _app.WorkflowAsync(w => w.RecordProgressAsync(id, new NoteInput { Note = "已联系电梯维保单位" }, null));
            await _app.RunClockAsync();
            _app.Advance(TimeSpan.FromHours(4));
        }

        _app.Advance(TimeSpan.FromMinutes(5));
        await _app.RunClockAsync();

        var events = await _app.EventsAsync(id);
        Assert.DoesNotContain(events, e => e.Kind == EscalationKind.ProgressOverdue);
        var overdue = Assert.Single(events, e => e.Kind == EscalationKind.ResolutionOverdue);
        Assert.Equal(TimeSpan.FromDays(7), overdue.Limit);
        Assert.Single(events, e => e.Kind == EscalationKind.Level2);
    }

    [Fact]
    public async Task RunOnce_MajorComplaintWithoutProgress_RecordsProgressOverdueOncePerInterval()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(governmentReferral: true));
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(23));
        await _app.RunClockAsync();
        Assert.DoesNotContain(await _app.EventsAsync(id), e => e.Kind == EscalationKind.ProgressOverdue);

        _app.Advance(TimeSpan.FromHours(2));
        await _app.RunClockAsync();
        await _app.RunClockAsync();
        Assert.Single(await _app.EventsAsync(id), e => e.Kind == EscalationKind.ProgressOverdue);

        await _app.WorkflowAsync(w => w.RecordProgressAsync(id, new NoteInput { Note = "维修中" }, null));
        _app.Advance(TimeSpan.FromHours(25));
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var progress = (await _app.EventsAsync(id)).Where(e => e.Kind == EscalationKind.ProgressOverdue).ToList();
        Assert.Equal(2, progress.Count);
        Assert.NotEqual(progress[0].Cycle, progress[1].Cycle);
    }

    [Fact]
    public async Task RunOnce_NoFollowUpWithin72HoursOfResolution_RecordsFollowUpOverdueOnce()
    {
        var id = await _app.RegisterAsync();
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(2));
        await _app.WorkflowAsync(w => w.ResolveAsync(id, new NoteInput { Note = "已修复" }, null));
        _app.Advance(TimeSpan.FromHours(71));
        await _app.RunClockAsync();
        Assert.Empty(await _app.EventsAsync(id));

        _app.Advance(TimeSpan.FromHours(2));
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var events = await _app.EventsAsync(id);
        var overdue = Assert.Single(events, e => e.Kind == EscalationKind.FollowUpOverdue);
        Assert.Equal(TimeSpan.FromHours(72), overdue.Limit);
        Assert.Single(events, e => e.Kind == EscalationKind.Level1);
    }

    [Fact]
    public async Task RunOnce_TimeOnHold_DoesNotCountAgainstResolution()
    {
        var id = await _app.RegisterAsync();
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(2));
        await _app.WorkflowAsync(w => w.PutOnHoldAsync(id, new NoteInput { Note = "业主出差，无法入户" }, null));
        _app.Advance(TimeSpan.FromHours(48));
        await _app.RunClockAsync();
        Assert.Empty(await _app.EventsAsync(id));

        await _app.WorkflowAsync(w => w.ResumeAsync(id, new NoteInput { Note = "业主已回" }, null));
        _app.Advance(TimeSpan.FromHours(21));
        await _app.RunClockAsync();
        Assert.Empty(await _app.EventsAsync(id));

        _app.Advance(TimeSpan.FromHours(2));
        await _app.RunClockAsync();

        var overdue = Assert.Single(await _app.EventsAsync(id), e => e.Kind == EscalationKind.ResolutionOverdue);
        Assert.Equal(DeskAppFactory.DefaultStart.UtcDateTime.AddHours(24 + 48), overdue.DueAt);
    }

    [Fact]
    public async Task RunOnce_AComplaintUnresolvedThirtyDaysMostlyOnHold_UpgradesToMajorOnce()
    {
        var id = await _app.RegisterAsync();
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(1));
        await _app.WorkflowAsync(w => w.PutOnHoldAsync(id, new NoteInput { Note = "等待开发商答复" }, null));
        _app.Advance(TimeSpan.FromDays(30) - TimeSpan.FromHours(1) - TimeSpan.FromMinutes(5));
        await _app.RunClockAsync();
        Assert.Empty(await _app.EventsAsync(id));

        _app.Advance(TimeSpan.FromMinutes(10));
        await _app.RunClockAsync();
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var complaint = await _app.ComplaintAsync(id);
        Assert.Equal(Severity.Major, complaint.Severity);
        Assert.Contains("3.1.2(c)", complaint.Clauses, StringComparison.Ordinal);
        var events = await _app.EventsAsync(id);
        Assert.Single(events, e => e.Kind == EscalationKind.UpgradedToMajor);
        Assert.Single(events, e => e.Kind == EscalationKind.Level2);
        Assert.DoesNotContain(events, e => e.Kind == EscalationKind.ResolutionOverdue);
        Assert.Single(await _app.TimelineAsync(id), t => t.Kind == TimelineKind.UpgradedByClock);

        var notified = await _app.WithDbAsync(db => db.Notifications().Where(n => n.ComplaintId == id).Select(n => n.UserId).ToListAsync());
        Assert.Contains(await _app.UserIdAsync("supervisor"), notified);
        Assert.Contains(await _app.UserIdAsync("manager"), notified);
        Assert.DoesNotContain(await _app.UserIdAsync("clerk"), notified);
    }

    [Fact]
    public async Task RunOnce_ReopenedAfterDissatisfiedFollowUp_ResolutionCanBeOverdueAgain()
    {
        var id = await _app.RegisterAsync();
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(25));
        await _app.RunClockAsync();
        await _app.WorkflowAsync(w => w.ResolveAsync(id, new NoteInput { Note = "已处理" }, null));
        await _app.CallerWorkflowAsync(w => w.RecordFollowUpAsync(
            id, new FollowUpInput { Method = FollowUpMethod.Phone, Outcome = FollowUpOutcome.Dissatisfied, Note = "仍未修好" }, null));
        _app.Advance(TimeSpan.FromHours(25));
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var events = await _app.EventsAsync(id);
        Assert.Equal(2, events.Count(e => e.Kind == EscalationKind.ResolutionOverdue));
        Assert.Equal(2, events.Count(e => e.Kind == EscalationKind.Level1));
    }

    [Fact]
    public async Task ClockService_BackgroundTimer_RecordsWhenTheFakeClockMoves()
    {
        using var app = new DeskAppFactory();
        await app.StartAsync();
        var id = await app.RegisterAsync();

        for (var i = 0; i < 50 && (await app.EventsAsync(id)).Count == 0; i++)
        {
            app.Advance(TimeSpan.FromSeconds(60));
            await Task.Delay(100);
        }

        Assert.Contains(await app.EventsAsync(id), e => e.Kind == EscalationKind.DispatchOverdue);
    }
}
