using System.Net;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tests.Infrastructure;
using ComplaintDesk.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Admin;

/// <summary>Deactivation, reactivation and password reset: what they do to signing in and to open sessions.</summary>
public sealed class StaffAccessTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private DeskClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignInAsync("admin");

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Deactivate_SignedInClerk_EndsSessionRefusesSignInKeepsRecord()
    {
        using var clerk = await _app.SignInAsync("clerk2");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/")).StatusCode);
        var id = await UserIdAsync("clerk2");

        var response = await _admin.PostFormAsync($"/Admin/Staff/Edit/{id}?handler=Deactivate", [], formPageUrl: $"/Admin/Staff/Edit/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.StaffProjects.CountAsync(p => p.UserId == id)));

        // The cookie is checked against the security stamp every 5 minutes.
        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(Access.IsChallenge(await clerk.GetAsync("/")));

        using var again = _app.CreateDeskClient();
        var refused = await again.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk2", ["Password"] = DemoData.DemoPassword });
        Assert.Contains("该账号已停用", await refused.Content.ReadAsStringAsync());

        await _admin.PostFormAsync($"/Admin/Staff/Edit/{id}?handler=Reactivate", [], formPageUrl: $"/Admin/Staff/Edit/{id}");

        using var back = await _app.SignInAsync("clerk2");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_Valid_NewPasswordWorksAndLockoutIsLifted()
    {
        var id = await UserIdAsync("supervisor");
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15)).SetProperty(u => u.AccessFailedCount, 5)));

        var response = await _admin.PostFormAsync($"/Admin/Staff/ResetPassword/{id}", new()
        {
            ["Input.NewPassword"] = "Reset@2026x",
            ["Input.ConfirmPassword"] = "Reset@2026x",
        });

        Assert.Contains("密码已重置", await response.Content.ReadAsStringAsync());
        using var supervisor = await _app.SignInAsync("supervisor", "Reset@2026x");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("", "", "请输入新密码")]
    [InlineData("Reset@2026x", "Reset@2026y", "两次输入的新密码不一致")]
    [InlineData("weak", "weak", "密码至少 8 位")]
    public async Task ResetPassword_BadInput_ShowsMessageAndKeepsPassword(string password, string confirm, string message)
    {
        var id = await UserIdAsync("manager");
        var stampBefore = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());

        var response = await _admin.PostFormAsync($"/Admin/Staff/ResetPassword/{id}", new()
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirm,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(stampBefore, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task AddedStaff_InitialPassword_SignsInWithTheirRole()
    {
        var response = await _admin.PostFormAsync("/Admin/Staff/Edit", StaffAdminTests.NewStaff("newclerk", "新专员", "Start@2026x", ["Clerk"], [3]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var newClerk = await _app.SignInAsync("newclerk", "Start@2026x");

        Assert.Contains("新专员", await newClerk.GetPageAsync("/"));
        Assert.True(Access.IsDenied(await newClerk.GetAsync("/Admin")));
    }

    private Task<string> UserIdAsync(string userName) =>
        _app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
