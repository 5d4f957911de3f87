using System.Net;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Security;

public sealed class ChangePasswordTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ChangePassword_Valid_NewPasswordSignsInAndOldDoesNot()
    {
        using var clerk = await _app.SignInAsync("clerk");

        var response = await ChangeAsync(clerk, DemoData.DemoPassword, "Changed@2027", "Changed@2027");

        Assert.Contains("密码已修改", await response.Content.ReadAsStringAsync());
        using var again = await _app.SignInAsync("clerk", "Changed@2027");
        using var old = _app.CreateDeskClient();
        var refused = await old.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk", ["Password"] = DemoData.DemoPassword });
        Assert.Contains("用户名或密码不正确", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_SaysSoAndKeepsPassword()
    {
        using var clerk = await _app.SignInAsync("clerk");

        var response = await ChangeAsync(clerk, "Wrong@2026", "Changed@2027", "Changed@2027");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("当前密码不正确", html);
        Assert.DoesNotContain("密码已修改", html);
        using var stillWorks = await _app.SignInAsync("clerk");
    }

    [Theory]
    [InlineData("short1!", "密码至少 8 位")]
    [InlineData("alllowercase1!", "密码必须包含大写字母")]
    [InlineData("NoDigits!!", "密码必须包含数字")]
    [InlineData("NoSymbol123", "密码必须包含符号")]
    public async Task ChangePassword_WeakNewPassword_ShowsRule(string weak, string message)
    {
        using var clerk = await _app.SignInAsync("clerk");

        var response = await ChangeAsync(clerk, DemoData.DemoPassword, weak, weak);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChangePassword_ConfirmationDiffers_SaysSo()
    {
        using var clerk = await _app.SignInAsync("clerk");

        var response = await ChangeAsync(clerk, DemoData.DemoPassword, "Changed@2027", "Changed@2028");

        Assert.Contains("两次输入的新密码不一致", await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> ChangeAsync(DeskClient client, string current, string next, string confirm) =>
        client.PostFormAsync("/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = confirm,
        });
}
