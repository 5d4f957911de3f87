using System.ComponentModel;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintDesk.Web.Api;

/// <summary>A complaint to link into a group incident (事件), and the supervisor's reason when it is an outlier.</summary>
public sealed class LinkIncidentMemberInput
{
    [Description("The complaint to link (its id).")]
    public long? ComplaintId { get; set; }

    [Description("Required when the complaint's topic differs from the incident's or it was registered outside the group window "
        + "of every member: why it is the same problem all the same (at most 500 characters; kept in the complaint's timeline).")]
    public string? Reason { get; set; }
}

/// <summary><c>POST /api/v1/incidents/{id}/members</c>: link a complaint into a group incident.</summary>
public static class IncidentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/incidents/{id}/members", LinkAsync)
            .RequireAuthorization(Policies.Supervision)
            .WithName("LinkIncidentMember")
            .WithTags("Incidents")
            .WithSummary("关联投诉到群体事件 (link a complaint into an incident)")
            .WithDescription(
                "Supervisors only. Members of one incident share its project and topic (投诉事项) and were registered within the group "
                + "window (a setting, 72 hours by default) of a member. A complaint of another project is refused (400 `input.invalid`); "
                + "one of another topic or outside the window is refused without a reason (409 `incident.outlier-needs-reason`, the detail "
                + "says why) and linked with one, the reason kept in its timeline. Every member's distinct complainant count follows "
                + "(3.1.2(e)). Answers the incident's summary.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<IncidentSummary>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        long id, [FromBody] LinkIncidentMemberInput? input, IncidentService incidents, CancellationToken cancellationToken)
    {
        if (input?.ComplaintId is not { } complaintId || complaintId <= 0)
        {
            return ApiProblems.Validation("complaintId", "请填写要关联的投诉（complaintId，正整数）。");
        }

        try
        {
            await incidents.LinkAsync(id, complaintId, input.Reason, cancellationToken);
            return TypedResults.Ok((await incidents.GetAsync(id, cancellationToken)).Summary);
        }
        catch (IncidentNotFoundException)
        {
            return ApiProblems.NotFound("事件不存在，或不属于您负责的项目。");
        }
    }
}
