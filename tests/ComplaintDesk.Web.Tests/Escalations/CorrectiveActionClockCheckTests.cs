using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Features.Investigations;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>The corrective actions' clock against a real database: 整改逾期 to supervisors, 整改逾期升级 to managers, each once.</summary>
[Collection(EscalationKit.Collection)]
public sealed class CorrectiveActionClockCheckTests : IDisposable
{
    private static readonly System.Security.Claims.ClaimsPrincipal _manager =
        EscalationKit.Principal("test-manager", "测试经理", Roles.Manager, true);

    private readonly DeskAppFactory _app = EscalationKit.NewApp();

    public void Dispose() => _app.Dispose();

    /// <summary>
    /// A major complaint with an approved report: action 1 (工程部) due by the end of 20 Nov 2026 (北京时间), action 2 by 15 Dec; the
    /// clock starts at 16 Nov 02:00 UTC.
    /// </summary>
    private async Task<long> WithOpenActionsAsync()
    {
        var id = await _app.RegisterAsync(EscalationKit.Input(governmentReferral: true));
        await _app.DispatchAsync(id);
        await _app.WorkflowAsync(w => w.WriteInvestigationAsync(id, new InvestigationInput
        {
            WhatHappened = "电梯困人",
            Cause = "维保不到位",
            ResponsibleDepartmentId = 2,
            Actions =
            [
                new() { Description = "约谈维保单位", OwnerDepartmentId = 2, DueOn = new DateOnly(2026, 11, 20) },
                new() { Description = "应急演练", OwnerDepartmentId = 1, DueOn = new DateOnly(2026, 12, 15) },
            ],
        }, null));
        await _app.AsAsync(_manager, sp => sp.GetRequiredService<ComplaintWorkflow>().ApproveInvestigationAsync(id, new NoteInput(), null));
        return id;
    }

    private Task<ClockRunResult> RunAsync() =>
        _app.AsAsync(EscalationKit.Supervisor, sp => sp.GetRequiredService<CorrectiveActionClockCheck>().RunOnceAsync(_app.Clock.GetUtcNow().UtcDateTime));

    [Fact]
    public async Task RunOnce_ActionOverdue_RecordsOverdueOnceThenLevel2OnceWithNotification()
    {
        var id = await WithOpenActionsAsync();
        Assert.Equal(0, (await RunAsync()).Candidates);

        // 20 Nov 16:00 UTC is the end of 20 Nov in Shanghai.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 16, 1, 0, TimeSpan.Zero));
        var first = await RunAsync();
        var again = await RunAsync();

        Assert.Equal((1, 1), (first.Candidates, first.Recorded));
        Assert.Equal(0, again.Recorded);
        var overdue = Assert.Single(await _app.EventsAsync(id), e => e.Kind == EscalationKind.CorrectiveActionOverdue);
        Assert.Equal(1001, overdue.Cycle);
        Assert.Contains("责任部门 工程部，提交客服主管督办", overdue.Detail, StringComparison.Ordinal);
        Assert.Contains(await _app.TimelineAsync(id), t => t.Kind == TimelineKind.Overdue && t.Detail == overdue.Detail);

        // Overdue by its whole period again (approved 16 Nov 02:00, due 20 Nov 16:00 UTC: 4 d 14 h): 25 Nov 06:00 UTC.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        var second = await RunAsync();

        Assert.Equal(1, second.Recorded);
        var escalated = Assert.Single(await _app.EventsAsync(id), e => e.Kind == EscalationKind.CorrectiveActionEscalated);
        Assert.Contains("提交经理督办", escalated.Detail, StringComparison.Ordinal);
        var notified = await _app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.ComplaintId == id).Select(n => n.Message).ToListAsync());
        Assert.Contains(notified, m => m.Contains("整改逾期升级", StringComparison.Ordinal));
        var next = await _app.WithDbAsync(db => db.Set<Domain.Investigations.CorrectiveAction>().AsNoTracking()
            .Where(a => a.ComplaintId == id).OrderBy(a => a.No).Select(a => a.ClockDueAt).ToListAsync());
        Assert.Null(next[0]);
        Assert.NotNull(next[1]);
    }

    [Fact]
    public async Task RunOnce_ActionCompletedBeforeDue_RecordsNothing()
    {
        var id = await WithOpenActionsAsync();
        await _app.WorkflowAsync(w => w.CompleteCorrectiveActionAsync(id, new CompleteActionInput { No = 1, Note = "已约谈" }, null));

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        var result = await RunAsync();

        Assert.Equal(0, result.Recorded);
        Assert.DoesNotContain(await _app.EventsAsync(id), e => e.Kind == EscalationKind.CorrectiveActionOverdue);
    }

    [Fact]
    public async Task Badge_ManagerCountsTheLevel2OfAnAction()
    {
        await WithOpenActionsAsync();
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 16, 1, 0, TimeSpan.Zero));
        await RunAsync();

        // Only the actions' clock runs here: 整改逾期 is level 1 (not a manager's), 整改逾期升级 level 2.
        var before = await _app.AsAsync(_manager, sp => sp.GetRequiredService<EscalationQueue>().CountWaitingAsync());
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        await RunAsync();
        var after = await _app.AsAsync(_manager, sp => sp.GetRequiredService<EscalationQueue>().CountWaitingAsync());

        Assert.Equal(0, before);
        Assert.Equal(1, after);
    }
}
