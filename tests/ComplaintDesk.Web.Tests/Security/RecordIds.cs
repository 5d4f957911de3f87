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

    public static async Task<RecordIds> CreateAsync(DeskAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var complaintId = await AppEndpoints.RegisterComplaintAsync(app, "clerk", projectId: 1);
        var clerkId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync());
        return new RecordIds { ComplaintId = complaintId, ClerkUserId = clerkId };
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
        : page.Folder is "Complaints" or "Escalations" ? ComplaintId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "1";
}
