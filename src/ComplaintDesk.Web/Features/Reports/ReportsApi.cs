using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;

namespace ComplaintDesk.Web.Features.Reports;

public static class ReportsApi
{
    /// <summary><c>GET /api/v1/reports/monthly?month=2026-11&amp;projectId=</c>: the monthly report as JSON.</summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/reports/monthly", GetMonthlyAsync)
            .RequireAuthorization(Policies.Reports)
            .WithName("GetMonthlyReport")
            .WithTags("Reports");
        return endpoints;
    }

    private static async Task<IResult> GetMonthlyAsync(
        string? month, int? projectId, MonthlyReportQueries reports, ComplaintQueries complaints, CurrentStaff staff,
        ProcedurePolicies policies, TimeProvider clock, CancellationToken cancellationToken)
    {
        YearMonth target;
        if (string.IsNullOrWhiteSpace(month))
        {
            target = (await policies.GetAsync(cancellationToken)).Calendar.MonthOf(clock.GetUtcNow().UtcDateTime);
        }
        else if (!YearMonth.TryParse(month, out target))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["month"] = ["月份格式应为 yyyy-MM，例如 2026-11。"] });
        }

        if (projectId is { } id && !staff.CanSeeProject(id))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await reports.BuildAsync(complaints.Visible(), target, projectId, staff.IsCompanyWide, cancellationToken));
    }
}
