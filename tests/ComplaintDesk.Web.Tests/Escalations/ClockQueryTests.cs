using ComplaintDesk.Data;
using ComplaintDesk.Web.Features.Escalations;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>The clock's candidate query: an index range on both providers (no connection needed for the plan's SQL).</summary>
public sealed class ClockQueryTests
{
    [Fact]
    public void Candidates_Sqlite_SearchTheClockDueAtIndexAlone()
    {
        var options = DataServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<ComplaintDeskDbContext>(), DatabaseProvider.Sqlite, "Data Source=:memory:").Options;
        using var db = new ComplaintDeskDbContext((DbContextOptions<ComplaintDeskDbContext>)options);
        db.Database.OpenConnection();
        db.Database.EnsureCreated();
        var query = ClockCheck.Candidates(db, DateTime.UtcNow);

        using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, line => line.Contains("COVERING INDEX IX_Complaints_ClockDueAt (ClockDueAt>? AND ClockDueAt<?)", StringComparison.Ordinal)
            || line.Contains("COVERING INDEX IX_Complaints_ClockDueAt (ClockDueAt<?)", StringComparison.Ordinal));
    }

    [Fact]
    public void Candidates_SqlServer_Translate()
    {
        var options = DataServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<ComplaintDeskDbContext>(), DatabaseProvider.SqlServer, "Server=localhost;Database=ComplaintDesk;Trusted_Connection=True;TrustServerCertificate=True").Options;
        using var db = new ComplaintDeskDbContext((DbContextOptions<ComplaintDeskDbContext>)options);

        var sql = ClockCheck.Candidates(db, DateTime.UtcNow).ToQueryString();

        Assert.Contains("[c].[ClockDueAt] <= @", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[Id]", sql, StringComparison.Ordinal);
    }
}
