using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>One Razor page route as the app maps it.</summary>
public sealed record PageRoute(string ViewEnginePath, RoutePattern Pattern, IReadOnlyList<IAuthorizeData> Authorize, bool AllowsAnonymous)
{
    /// <summary>"Admin" for /Admin/Staff/Edit; empty for pages at the root.</summary>
    public string Folder => ViewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts ? parts[0] : string.Empty;

    public IReadOnlyList<string> RequiredParameters =>
        Pattern.Parameters.Where(p => !p.IsOptional && p.Default is null).Select(p => p.Name).ToList();

    public override string ToString() => "/" + Pattern.RawText;
}

/// <summary>Reads the app's endpoints and builds the services a signed-in person would get.</summary>
public static class AppEndpoints
{
    public static IReadOnlyList<RouteEndpoint> All(DeskAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    public static IReadOnlyList<PageRoute> Pages(DeskAppFactory app) =>
        All(app)
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .Select(x => new PageRoute(
                x.Page!.ViewEnginePath,
                x.Endpoint.RoutePattern,
                x.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().ToList(),
                x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .OrderBy(p => p.Pattern.RawText, StringComparer.Ordinal)
            .ToList();

    /// <summary>The URL of a route with each parameter filled in by <paramref name="value"/>.</summary>
    public static string Url(RoutePattern pattern, Func<RoutePatternParameterPart, string?> value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => value(parameter) ?? string.Empty,
                _ => string.Empty,
            }));
            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>Roles the page's own authorization metadata admits, or null when it names no role.</summary>
    public static async Task<IReadOnlySet<string>?> RolesAdmittedAsync(DeskAppFactory app, PageRoute page)
    {
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        HashSet<string>? admitted = null;
        foreach (var data in page.Authorize)
        {
            var roles = new List<IEnumerable<string>>();
            if (!string.IsNullOrEmpty(data.Roles))
            {
                roles.Add(data.Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            if (!string.IsNullOrEmpty(data.Policy))
            {
                var policy = await provider.GetPolicyAsync(data.Policy)
                    ?? throw new InvalidOperationException($"{page}: unknown policy {data.Policy}");
                roles.AddRange(policy.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles));
            }

            foreach (var set in roles)
            {
                admitted = admitted is null ? set.ToHashSet() : admitted.Intersect(set).ToHashSet();
            }
        }

        return admitted;
    }

    /// <summary>A scope whose CurrentStaff is the given demo user, as their cookie would make it.</summary>
    public static async Task<AsyncServiceScope> ScopeForAsync(DeskAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);

        // CurrentStaff is scoped and reads the principal once: resolve it now, while the principal is current.
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = principal };
        var staff = scope.ServiceProvider.GetRequiredService<CurrentStaff>();
        accessor.HttpContext = null;
        if (staff.UserName != userName)
        {
            throw new InvalidOperationException($"CurrentStaff is {staff.UserName}, expected {userName}");
        }

        return scope;
    }

    /// <summary>Registers a complaint as <paramref name="userName"/> through the service layer.</summary>
    public static async Task<long> RegisterComplaintAsync(DeskAppFactory app, string userName, int projectId)
    {
        await using var scope = await ScopeForAsync(app, userName);
        var workflow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>();
        var complaint = await workflow.RegisterAsync(new RegisterComplaintInput
        {
            ComplainantName = "刘先生",
            ComplainantKind = Domain.Complaints.ComplainantKind.Owner,
            Phone = "13812341234",
            ProjectId = projectId,
            Location = "3 栋 1201",
            Channel = Domain.Complaints.Channel.Phone,
            TopicId = 1,
            Content = "电梯停运两天无人处理。",
            Cause = Domain.Classification.Cause.ManagementService,
        });
        return complaint.Id;
    }
}
