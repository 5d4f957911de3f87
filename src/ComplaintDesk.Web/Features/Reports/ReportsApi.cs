using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Reports;

public static class ReportsApi
{
    /// <summary><c>GET /api/v1/reports/monthly?month=2026-11&amp;projectId=</c>: the monthly report as JSON, inside the
    /// API's bearer-authenticated group; managers and supervisors only.</summary>
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/monthly", GetMonthlyAsync)
            .RequireAuthorization(Policies.Reports)
            .WithName("GetMonthlyReport")
            .WithTags("Reports")
            .WithSummary("月度报表")
            .WithDescription("The figures of the monthly report for a local month (yyyy-MM), company-wide within the caller's projects or for one project.")
            .Produces<MonthlyReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetMonthlyAsync(
        string? month, int? projectId, MonthlyReportService reports, CurrentStaff staff, Data.ComplaintDeskDbContext db,
        ProcedurePolicies policies, TimeProvider clock, CancellationToken cancellationToken)
    {
        YearMonth target;
        if (string.IsNullOrWhiteSpace(month))
        {
            target = (await policies.GetAsync(cancellationToken)).Calendar.MonthOf(clock.GetUtcNow().UtcDateTime);
        }
        else if (!YearMonth.TryParse(month, out target))
        {
            return Api.ApiProblems.Validation("month", "月份格式应为 yyyy-MM（月份 01–12），例如 2026-11。");
        }

        if (projectId is { } id && (!staff.CanSeeProject(id) || !await db.Projects.AnyAsync(p => p.Id == id, cancellationToken)))
        {
            return Api.ApiProblems.NotFound("项目不存在，或不在您负责的范围内。");
        }

        return TypedResults.Ok(await reports.GetAsync(ReportScope.For(staff, projectId), target, projectId, cancellationToken));
    }
}
