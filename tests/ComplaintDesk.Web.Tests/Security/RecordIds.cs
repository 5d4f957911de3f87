using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>
/// Ids of existing records, to fill in route parameters: a complaint in project 1 (seen by every demo role),
/// the demo clerk's user id for staff pages, and id 1 of the seeded master data.
/// </summary>
public sealed class RecordIds
{
    public required long ComplaintId { get; init; }

    public required string ClerkUserId { get; init; }

    public required long IncidentId { get; init; }

    public static async Task<RecordIds> CreateAsync(DeskAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var complaintId = await AppEndpoints.RegisterComplaintAsync(app, "clerk", projectId: 1);
        var clerkId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync());
        var incidentId = await app.WithDbAsync(async db =>
        {
            var incident = new Incident { ProjectId = 1, TopicId = 1, Name = "3栋电梯停运", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedById = clerkId, CreatedByName = "李主管" };
            db.Set<Incident>().Add(incident);
            await db.SaveChangesAsync();
            return incident.Id;
        });
        return new RecordIds { ComplaintId = complaintId, ClerkUserId = clerkId, IncidentId = incidentId };
    }

    /// <summary>
    /// The URLs to request for a page: without its optional parameters and, when it takes an <c>id</c>, with the
    /// id of an existing record. A page that requires another parameter is left out.
    /// </summary>
    public IReadOnlyList<string> UrlsOf(PageRoute page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var urls = new List<string>();
        if (page.RequiredParameters.Count == 0)
        {
            urls.Add(AppEndpoints.Url(page.Pattern, _ => null));
        }

        if (page.Pattern.Parameters.Any(p => p.Name == "id") && page.RequiredParameters.All(p => p == "id"))
        {
            urls.Add(AppEndpoints.Url(page.Pattern, p => p.Name == "id" ? IdFor(page) : null));
        }

        return urls;
    }

    private string IdFor(PageRoute page) =>
        page.ViewEnginePath.StartsWith("/Admin/Staff/", StringComparison.Ordinal) ? ClerkUserId
        : page.ViewEnginePath.StartsWith("/Escalations/Incidents/", StringComparison.Ordinal) ? IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : page.Folder is "Complaints" or "Escalations" ? ComplaintId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "1";
}
