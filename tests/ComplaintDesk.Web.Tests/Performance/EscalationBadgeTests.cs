using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Tests.Api;

namespace ComplaintDesk.Web.Tests.Performance;

/// <summary>The navigation badge runs on every page: it counts complaints with waiting escalations only up to a cap.</summary>
public sealed class EscalationBadgeTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Badge_MoreWaitingThanTheCap_Shows99Plus()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        // The badge counts complaints (the queue shows one card each): more waiting complaints than the cap, two escalations each.
        var complaintIds = new List<long>();
        for (var i = 0; i <= EscalationQueue.CountCap + 5; i++)
        {
            complaintIds.Add(await clerk.RegisterAsync());
        }

        await fixture.App.WithDbAsync(async db =>
        {
            foreach (var complaintId in complaintIds)
            {
                foreach (var kind in new[] { EscalationKind.Level1, EscalationKind.Level2 })
                {
                    db.EscalationEvents().Add(new EscalationEvent
                    {
                        ComplaintId = complaintId, ProjectId = 1, Kind = kind, Cycle = 1,
                        OccurredAt = fixture.App.Clock.GetUtcNow().UtcDateTime, Detail = "二级升级：压测",
                    });
                }
            }

            return await db.SaveChangesAsync();
        });
        using var manager = await fixture.App.SignInAsync("manager");

        var html = await manager.GetPageAsync("/About");

        Assert.Contains("escalation-count\">99+<", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
