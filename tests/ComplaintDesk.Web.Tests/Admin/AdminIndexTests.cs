using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Admin;

public sealed class AdminIndexTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly DeskClient _admin = fixture.Admin;

    [Fact]
    public async Task Index_Admin_LinksToEveryAdministrationPage()
    {
        var html = await _admin.GetPageAsync("/Admin");

        foreach (var href in new[] { "/Admin/Staff", "/Admin/Projects", "/Admin/Departments", "/Admin/Topics", "/Admin/Settings" })
        {
            Assert.Contains($"href=\"{href}\"", html);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await _admin.GetAsync(href)).StatusCode);
        }
    }

    [Fact]
    public async Task Home_Admin_LinksToAdministration()
    {
        var html = await _admin.GetPageAsync("/");

        Assert.Contains("href=\"/Admin\"", html);
    }
}
