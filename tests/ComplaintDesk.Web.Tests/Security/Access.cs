using System.Net;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>What a response means for access: challenged to sign in, or denied for the role.</summary>
public static class Access
{
    public static string? LocationPath(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    /// <summary>Redirect to the sign-in page (pages) or 401 (API).</summary>
    public static bool IsChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && LocationPath(response) == "/Account/Login");

    /// <summary>403, or the redirect to the access-denied page (which itself answers 403).</summary>
    public static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && LocationPath(response) == "/Account/AccessDenied");

    public static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } l ? " → " + l : string.Empty)}";
}
