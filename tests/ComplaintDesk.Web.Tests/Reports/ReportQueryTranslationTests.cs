using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>Every report query translates to SQL on SQL Server too (no connection needed for ToQueryString).</summary>
public sealed class ReportQueryTranslationTests
{
    public static TheoryData<bool> Scopes => new() { true, false };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void MonthQueries_SqlServer_TranslateEveryQuery(bool everything)
    {
        using var db = SqlServerContext();
        var queries = new MonthQuerySet(db, Scope(db, everything), new YearMonth(2026, 11), CompanyCalendar.Default, DateTime.UtcNow, everything);

        foreach (var query in queries.All())
        {
            Assert.Contains("SELECT", query.ToQueryString(), StringComparison.Ordinal);
        }

        Assert.Contains("DATEDIFF(second", queries.Resolved.ToQueryString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("GROUP BY", queries.Summary.ToQueryString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void TrendQueries_SqlServer_GroupInTheDatabase(bool everything)
    {
        using var db = SqlServerContext();
        var trend = new TrendQuerySet(db, Scope(db, everything), new YearMonth(2026, 11), CompanyCalendar.Default, everything);

        foreach (var query in trend.All())
        {
            var sql = query.ToQueryString();
            Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ExportQuery_SqlServer_Translates()
    {
        using var db = SqlServerContext();
        var sql = ComplaintExport.Query(Scope(db, false), DateTime.UtcNow.AddDays(-30), DateTime.UtcNow).ToQueryString();

        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthQueries_Sqlite_UseJulianDayForDurations()
    {
        var options = DataServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<ComplaintDeskDbContext>(), DatabaseProvider.Sqlite, "Data Source=:memory:").Options;
        using var db = new ComplaintDeskDbContext((DbContextOptions<ComplaintDeskDbContext>)options);
        var queries = new MonthQuerySet(db, db.Complaints, new YearMonth(2026, 11), CompanyCalendar.Default, DateTime.UtcNow);

        Assert.Contains("julianday(", queries.Resolved.ToQueryString(), StringComparison.Ordinal);
    }

    private static ComplaintDeskDbContext SqlServerContext()
    {
        var options = DataServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<ComplaintDeskDbContext>(), DatabaseProvider.SqlServer, "Server=localhost;Database=ComplaintDesk;Trusted_Connection=True;TrustServerCertificate=True").Options;
        return new ComplaintDeskDbContext((DbContextOptions<ComplaintDeskDbContext>)options);
    }

    private static IQueryable<Domain.Complaints.Complaint> Scope(ComplaintDeskDbContext db, bool everything)
    {
        int[] projects = [1, 2];
        return everything ? db.Complaints.AsNoTracking() : db.Complaints.AsNoTracking().Where(c => projects.Contains(c.ProjectId));
    }
}
