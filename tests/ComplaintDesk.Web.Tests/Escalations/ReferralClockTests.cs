using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Referrals;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>The clock watches a referral's own deadlines (政府转办) and records them with their own kinds, once.</summary>
[Collection(EscalationKit.Collection)]
public sealed class ReferralClockTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = EscalationKit.NewApp();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunOnce_SignForMissed_RecordsReferralSignForOverdueOnceWithTheTicketInWords()
    {
        var id = await RegisterReferredAsync(signForMinutes: 30, completionHours: 200);
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromMinutes(29));
        await _app.RunClockAsync();
        Assert.DoesNotContain(await _app.EventsAsync(id), e => e.Kind == EscalationKind.ReferralSignForOverdue);

        _app.Advance(TimeSpan.FromMinutes(2));
        await _app.RunClockAsync();
        await _app.RunClockAsync();

        var events = await _app.EventsAsync(id);
        var overdue = Assert.Single(events, e => e.Kind == EscalationKind.ReferralSignForOverdue);
        Assert.Contains("转办签收超时：12345 热线工单 GD-CLOCK-1 应于", overdue.Detail, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Kind == EscalationKind.Level1);
    }

    [Fact]
    public async Task RunOnce_ReferralCompletionEarlierThanOwnLimit_ResolutionOverdueAtTheReferralsDeadline()
    {
        // A minor: 24 h of our own; the referral wants the reply 6 h after receipt.
        var id = await RegisterReferredAsync(signForMinutes: 600, completionHours: 6);
        await _app.DispatchAsync(id);
        _app.Advance(TimeSpan.FromHours(6).Add(TimeSpan.FromMinutes(1)));

        await _app.RunClockAsync();

        var kinds = (await _app.EventsAsync(id)).Select(e => e.Kind).ToList();
        Assert.Contains(EscalationKind.ReferralCompletionOverdue, kinds);
        Assert.Contains(EscalationKind.ResolutionOverdue, kinds);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), (await _app.ComplaintAsync(id)).ResolutionDue);
    }

    private async Task<long> RegisterReferredAsync(int signForMinutes, int completionHours)
    {
        var now = _app.Clock.GetUtcNow();
        var input = EscalationKit.Input();
        input.Referral = new ReferralInput
        {
            SourceId = 1,
            TicketNumber = signForMinutes == 30 ? "GD-CLOCK-1" : "GD-CLOCK-2",
            ReceivedAt = now,
            SignForDue = now.AddMinutes(signForMinutes),
            CompletionDue = now.AddHours(completionHours),
        };
        return await _app.RegisterAsync(input);
    }
}
