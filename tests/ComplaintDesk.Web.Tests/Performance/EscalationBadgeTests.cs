using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Tests.Api;

namespace ComplaintDesk.Web.Tests.Performance;

/// <summary>The navigation badge runs on every page: it counts waiting escalations only up to a cap.</summary>
public sealed class EscalationBadgeTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Badge_MoreWaitingThanTheCap_Shows99Plus()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var complaintId = await clerk.RegisterAsync();
        await fixture.App.WithDbAsync(async db =>
        {
            for (var cycle = 1; cycle <= EscalationQueue.CountCap + 20; cycle++)
            {
                db.EscalationEvents().Add(new EscalationEvent
                {
                    ComplaintId = complaintId, ProjectId = 1, Kind = EscalationKind.Level2, Cycle = cycle,
                    OccurredAt = fixture.App.Clock.GetUtcNow().UtcDateTime, Detail = "二级升级：压测",
                });
            }

            return await db.SaveChangesAsync();
        });
        using var manager = await fixture.App.SignInAsync("manager");

        var html = await manager.GetPageAsync("/About");

        Assert.Contains("escalation-count\">99+<", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
