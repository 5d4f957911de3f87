using System.Net;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>
/// Every page the app maps, for every role: allowed roles get 200, the others are denied. Pages added later
/// are enumerated from the app, so they are covered without touching this test; a new top-level page folder
/// must be given its row in <see cref="FolderRoles"/>.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    /// <summary>Who may open each page folder (domain.md, People); pages at the root admit every role.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FolderRoles = new Dictionary<string, string[]>
    {
        [string.Empty] = [.. Roles.All],
        ["Account"] = [.. Roles.All],
        ["Complaints"] = [Roles.Clerk, Roles.Supervisor, Roles.Manager],
        ["CorrectiveActions"] = [Roles.Clerk, Roles.Supervisor, Roles.Manager],
        ["Escalations"] = [Roles.Supervisor, Roles.Manager],
        ["Notifications"] = [.. Roles.All],
        ["Reports"] = [Roles.Manager, Roles.Supervisor],
        ["Admin"] = [Roles.Admin],
    };

    /// <summary>Demo users and the one role each holds.</summary>
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["clerk"] = Roles.Clerk,
        ["supervisor"] = Roles.Supervisor,
        ["manager"] = Roles.Manager,
        ["admin"] = Roles.Admin,
    };

    /// <summary>The access-denied page answers 403 to everyone: that is its job.</summary>
    private static readonly HashSet<string> _outsideMatrix = ["/Account/AccessDenied"];

    private readonly DeskAppFactory _app = new();
    private readonly Dictionary<string, DeskClient> _clients = [];
    private RecordIds _ids = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _ids = await RecordIds.CreateAsync(_app);
        foreach (var user in Users.Keys)
        {
            _clients[user] = await _app.SignInAsync(user);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryPage_EachRole_AllowedRolesGet200OthersAreDenied()
    {
        var failures = new List<string>();
        var covered = new List<string>();
        foreach (var page in AppEndpoints.Pages(_app))
        {
            if (!FolderRoles.TryGetValue(page.Folder, out var folderRoles))
            {
                failures.Add($"{page}: the page folder /{page.Folder} has no row in RoleMatrixTests.FolderRoles");
                continue;
            }

            // The folder says who may enter; a page may narrow it further (e.g. registering is for the desk).
            var admitted = page.AllowsAnonymous ? null : await AppEndpoints.RolesAdmittedAsync(_app, page);
            var expected = folderRoles.Where(r => admitted is null || admitted.Contains(r)).ToHashSet();
            foreach (var url in _ids.UrlsOf(page).Where(u => !_outsideMatrix.Contains(u)))
            {
                covered.Add(url);
                foreach (var (user, role) in Users)
                {
                    var response = await _clients[user].GetAsync(url);
                    if (expected.Contains(role) && response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{user} ({role}) GET {url}: expected 200, got {Access.Describe(response)}");
                    }
                    else if (!expected.Contains(role) && !Access.IsDenied(response))
                    {
                        failures.Add($"{user} ({role}) GET {url}: expected access denied, got {Access.Describe(response)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains("/Admin", covered);
        Assert.Contains("/Admin/Settings", covered);
        Assert.Contains($"/Admin/Staff/Edit/{_ids.ClerkUserId}", covered);
        Assert.Contains($"/Admin/Staff/ResetPassword/{_ids.ClerkUserId}", covered);
        Assert.Contains("/Admin/Projects/Edit/1", covered);
        Assert.Contains("/Account/ChangePassword", covered);
    }
}
