using System.ComponentModel;
using ComplaintDesk.Web.Features.Investigations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintDesk.Web.Api;

/// <summary><c>GET /api/v1/corrective-actions</c>: the 整改措施 list (open or awaiting verification) of the caller's projects.</summary>
public static class CorrectiveActionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/corrective-actions", ListAsync)
            .WithName("ListCorrectiveActions")
            .WithSummary("整改措施列表 (corrective actions to do or verify)")
            .WithDescription(
                "Corrective actions of approved investigation reports that are open (整改中) or done and awaiting verification (待验证), in the " +
                "caller's projects, earliest due first; at most 200 (`more` is true when there are more). projectId narrows to one project " +
                "(another project answers 404); overdueOnly=true lists only open actions past their due day.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<OpenCorrectiveActionPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [FromQuery(Name = "projectId")][Description("One project of the caller's.")] int? projectId,
        [FromQuery(Name = "overdueOnly")][Description("true lists only open actions past their due day.")] bool? overdueOnly,
        CorrectiveActionQueries queries,
        CurrentStaff staff,
        CancellationToken cancellationToken)
    {
        if (projectId is <= 0)
        {
            return ApiProblems.Validation("projectId", "projectId 必须是正整数。");
        }

        if (projectId is { } id && !staff.CanSeeProject(id))
        {
            return ApiProblems.NotFound("物业项目不存在，或不是您负责的项目。");
        }

        return TypedResults.Ok(await queries.ListOpenAsync(projectId, overdueOnly == true, cancellationToken));
    }
}
