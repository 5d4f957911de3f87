using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Tests.Infrastructure;
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
        using var db = QueryPlans.SqlServer();
        var queries = new MonthQuerySet(db, Scope(db, everything), new YearMonth(2026, 11), CompanyCalendar.Default, DateTime.UtcNow, everything);

        foreach (var query in queries.All())
        {
            Assert.Contains("SELECT", query.ToQueryString(), StringComparison.Ordinal);
        }

        Assert.Contains("[HoursToResolve]", queries.Resolved.ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("[IsRepeat]", queries.Summary.ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("GROUP BY", queries.Summary.ToQueryString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void TrendQueries_SqlServer_GroupInTheDatabase(bool everything)
    {
        using var db = QueryPlans.SqlServer();
        var trend = new TrendQuerySet(db, Scope(db, everything), new YearMonth(2026, 11), CompanyCalendar.Default, everything);

        foreach (var query in trend.All())
        {
            var sql = query.ToQueryString();
            Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void ReferralQuery_SqlServer_GroupsBySourceAndProjectInTheDatabase(bool everything)
    {
        using var db = QueryPlans.SqlServer();
        var sql = ReferralReportQueries.Groups(Scope(db, everything), new YearMonth(2026, 11), CompanyCalendar.Default).ToQueryString();

        Assert.Contains("GROUP BY [c].[Referral_SourceId], [c].[ProjectId]", sql, StringComparison.Ordinal);
        Assert.Contains("[c].[Referral_ReceivedAt] >=", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportQuery_SqlServer_Translates()
    {
        using var db = QueryPlans.SqlServer();
        var sql = ComplaintExport.Query(Scope(db, false), DateTime.UtcNow.AddDays(-30), DateTime.UtcNow).ToQueryString();

        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Summary", "IX_Complaints_RegisteredAt_Report")]
    [InlineData("ByProject", "IX_Complaints_RegisteredAt_Report")]
    [InlineData("ByTopic", "IX_Complaints_RegisteredAt_Report")]
    [InlineData("Resolved", "IX_Complaints_ResolvedAt_Report")]
    public void MonthQueries_Sqlite_AnsweredFromACoveringIndex(string query, string index)
    {
        using var db = QueryPlans.Sqlite();
        var queries = new MonthQuerySet(db, db.Complaints, new YearMonth(2026, 11), CompanyCalendar.Default, DateTime.UtcNow, scopeIsEverything: true);
        var queryable = (IQueryable)typeof(MonthQuerySet).GetProperty(query)!.GetValue(queries)!;

        var plan = QueryPlans.Of(db, queryable);
        var sql = queryable.ToQueryString();

        Assert.True(plan.Exists(line => line.Contains($"COVERING INDEX {index}", StringComparison.Ordinal)), sql + "\n" + string.Join("\n", plan));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MajorsOfProjects_SqlServer_FilterAfterTheSearchByInstant(int projectCount)
    {
        using var db = QueryPlans.SqlServer();
        var scope = ReportScope.Of(Enumerable.Range(1, projectCount));
        var queries = new MonthQuerySet(db, scope.ApplyAfterSearch(db.Complaints.AsNoTracking()), new YearMonth(2026, 11), CompanyCalendar.Default, DateTime.UtcNow);

        var sql = queries.Majors.ToQueryString();

        Assert.Contains("[ProjectId] + 0", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Breakdowns_Sqlite_GroupProjectsOffTheProjectIndex()
    {
        using var db = QueryPlans.Sqlite(create: false);
        var queries = new MonthQuerySet(db, db.Complaints, new YearMonth(2026, 11), CompanyCalendar.Default, DateTime.UtcNow, scopeIsEverything: true);

        var byProject = queries.ByProject.ToQueryString();
        Assert.Contains("\"c\".\"ProjectId\" + 0 AS \"Key\"", byProject, StringComparison.Ordinal);
        Assert.Contains("GROUP BY \"c0\".\"Key\"", byProject, StringComparison.Ordinal);
        foreach (var query in new IQueryable[] { queries.ByDepartment, queries.ByTopic, queries.ByChannel })
        {
            Assert.Contains("GROUP BY", query.ToQueryString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SnapshotQueries_SqlServer_Translate()
    {
        using var db = QueryPlans.SqlServer();
        string[] months = ["2026-10", "2026-11"];

        Assert.Contains("IN", db.ReportSnapshots.Where(s => s.ScopeKey == "all" && months.Contains(s.Month)).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("IN", db.ReportMonthVersions.Where(v => months.Contains(v.Month)).ToQueryString(), StringComparison.Ordinal);
    }

    private static IQueryable<Domain.Complaints.Complaint> Scope(ComplaintDeskDbContext db, bool everything)
    {
        int[] projects = [1, 2];
        return everything ? db.Complaints.AsNoTracking() : db.Complaints.AsNoTracking().Where(c => projects.Contains(c.ProjectId));
    }
}
