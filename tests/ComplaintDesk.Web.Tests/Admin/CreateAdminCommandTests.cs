using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Admin;

/// <summary><c>create-admin --user NAME</c>: the production way to the first administrator.</summary>
public sealed class CreateAdminCommandTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateAdmin_PasswordTwice_CreatesCompanyWideAdminWhoSignsIn()
    {
        var output = new StringWriter();

        var exitCode = await RunAsync(["create-admin", "--user", "boss"], "First@Admin1\nFirst@Admin1\n", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("管理员 boss 已创建", output.ToString());
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync("boss");
        Assert.NotNull(user);
        Assert.True(user.IsCompanyWide);
        Assert.Equal([Roles.Admin], await users.GetRolesAsync(user));
        using var client = await _app.SignInAsync("boss", "First@Admin1");
        Assert.Contains("系统管理", await client.GetPageAsync("/Admin"));
    }

    [Fact]
    public async Task CreateAdmin_PasswordsDiffer_CreatesNobody()
    {
        var output = new StringWriter();

        var exitCode = await RunAsync(["create-admin", "--user", "boss2"], "First@Admin1\nFirst@Admin2\n", output);

        Assert.Equal(1, exitCode);
        Assert.Contains("两次输入的密码不一致", output.ToString());
        Assert.Null(await FindAsync("boss2"));
    }

    [Fact]
    public async Task CreateAdmin_WeakPassword_SaysWhyAndCreatesNobody()
    {
        var output = new StringWriter();

        var exitCode = await RunAsync(["create-admin", "--user", "boss3"], "weak\nweak\n", output);

        Assert.Equal(1, exitCode);
        Assert.Contains("密码至少 8 位", output.ToString());
        Assert.Null(await FindAsync("boss3"));
    }

    [Fact]
    public async Task CreateAdmin_ExistingUser_ChangesNothing()
    {
        var output = new StringWriter();

        var exitCode = await RunAsync(["create-admin", "--user", "clerk"], "First@Admin1\nFirst@Admin1\n", output);

        Assert.Equal(1, exitCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.DoesNotContain(Roles.Admin, await users.GetRolesAsync((await users.FindByNameAsync("clerk"))!));
    }

    private async Task<int> RunAsync(string[] args, string input, TextWriter output)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await CommandLine.CreateAdminAsync(scope.ServiceProvider, args, new StringReader(input), output);
    }

    private async Task<StaffUser?> FindAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
    }
}
