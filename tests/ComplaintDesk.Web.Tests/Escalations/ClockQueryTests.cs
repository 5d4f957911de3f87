using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>The clock's candidate query: an index range on both providers (no connection needed for the plan's SQL).</summary>
public sealed class ClockQueryTests
{
    [Fact]
    public void Candidates_Sqlite_SearchTheClockDueAtIndexAlone()
    {
        using var db = QueryPlans.Sqlite();

        var plan = QueryPlans.Of(db, ClockCheck.Candidates(db, DateTime.UtcNow));

        Assert.Contains(plan, line => line.Contains("COVERING INDEX IX_Complaints_ClockDueAt (ClockDueAt>? AND ClockDueAt<?)", StringComparison.Ordinal)
            || line.Contains("COVERING INDEX IX_Complaints_ClockDueAt (ClockDueAt<?)", StringComparison.Ordinal));
    }

    [Fact]
    public void Candidates_SqlServer_Translate()
    {
        using var db = QueryPlans.SqlServer();

        var sql = ClockCheck.Candidates(db, DateTime.UtcNow).ToQueryString();

        Assert.Contains("[c].[ClockDueAt] <= @", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[Id]", sql, StringComparison.Ordinal);
    }
}
