using System.Net;
using ComplaintDesk.Web.Tests.Infrastructure;
using ComplaintDesk.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Admin;

/// <summary>Only administrators reach the administration pages, by GET or by POST.</summary>
public sealed class AdminAccessTests : IAsyncLifetime
{
    private static readonly string[] _nonAdmins = ["clerk", "supervisor", "manager"];

    private readonly DeskAppFactory _app = new();
    private readonly Dictionary<string, DeskClient> _clients = [];

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        foreach (var user in _nonAdmins)
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
    public async Task EveryAdminPage_NonAdmins_AreSentToAccessDeniedWhichAnswers403()
    {
        var clerkId = await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync());
        var urls = AppEndpoints.Pages(_app)
            .Where(p => p.Folder == "Admin")
            .Select(p => AppEndpoints.Url(p.Pattern, parameter => parameter.Name == "id" ? (p.ViewEnginePath.StartsWith("/Admin/Staff/", StringComparison.Ordinal) ? clerkId : "1") : null))
            .Distinct()
            .ToList();
        Assert.Contains("/Admin/Settings", urls);
        Assert.Contains($"/Admin/Staff/ResetPassword/{clerkId}", urls);

        foreach (var (user, client) in _clients)
        {
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);

                Assert.True(Access.IsDenied(response), $"{user} GET {url}: {Access.Describe(response)}");
                var denied = await client.GetAsync(response.Headers.Location!.OriginalString);
                Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
                Assert.Contains("没有权限", await denied.Content.ReadAsStringAsync());
            }
        }
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("supervisor")]
    [InlineData("manager")]
    public async Task AdminPosts_NonAdmin_AreDeniedAndSaveNothing(string user)
    {
        var client = _clients[user];
        var before = await CountAsync();

        // A valid antiforgery token of the same person, taken from a page they may open.
        var posts = new[]
        {
            await client.PostFormAsync("/Admin/Projects/Edit", new() { ["Input.Code"] = "HACK", ["Input.Name"] = "越权项目" }, "/Account/ChangePassword"),
            await client.PostFormAsync("/Admin/Departments/Edit", new() { ["Input.Name"] = "越权部门" }, "/Account/ChangePassword"),
            await client.PostFormAsync("/Admin/Staff/Edit", StaffAdminTests.NewStaff("hacker", "越权", "Hack@2026x", ["Admin"], [], companyWide: true), "/Account/ChangePassword"),
            await client.PostFormAsync("/Admin/Projects/Edit/1?handler=Deactivate", [], "/Account/ChangePassword"),
            await client.PostFormAsync("/Admin/Settings", new() { ["Input.DispatchMinutes"] = "1" }, "/Account/ChangePassword"),
        };

        Assert.All(posts, response => Assert.True(Access.IsDenied(response), Access.Describe(response)));
        Assert.Equal(before, await CountAsync());
        Assert.True(await _app.WithDbAsync(db => db.Projects.Where(p => p.Id == 1).Select(p => p.IsActive).SingleAsync()));
        Assert.Equal(20, await _app.WithDbAsync(db => db.ProcedureSettings.Select(s => s.DispatchMinutes).SingleAsync()));
    }

    private Task<int> CountAsync() =>
        _app.WithDbAsync(async db => await db.Projects.CountAsync() + await db.Departments.CountAsync() + await db.Users.CountAsync());
}
