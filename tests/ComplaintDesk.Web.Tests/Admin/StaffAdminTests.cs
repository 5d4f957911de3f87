using System.Net;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Admin;

public sealed class StaffAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string InitialPassword = "Start@2026x";

    private readonly DeskAppFactory _app = fixture.App;
    private readonly DeskClient _admin = fixture.Admin;

    [Fact]
    public async Task Index_Admin_ListsStaffWithRolesAndProjects()
    {
        var html = await _admin.GetPageAsync("/Admin/Staff");

        Assert.Contains("王小丽", html);
        Assert.Contains("客服专员", html);
        Assert.Contains("阳光花园、翠湖湾", html);
        Assert.Contains("全公司", html);
    }

    [Fact]
    public async Task Add_ValidInput_CreatesUserWithRolesAndProjects()
    {
        var response = await _admin.PostFormAsync("/Admin/Staff/Edit", NewStaff("zhangsan", "张三", InitialPassword, [Roles.Clerk, Roles.Supervisor], [1, 3]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (user, roles) = await UserAsync("zhangsan");
        Assert.Equal("张三", user.DisplayName);
        Assert.True(user.IsActive);
        Assert.False(user.IsCompanyWide);
        Assert.Equal([1, 3], user.Projects.Select(p => p.ProjectId).Order());
        Assert.Equal([Roles.Clerk, Roles.Supervisor], roles.Order());
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("zhangsan"))!, InitialPassword));
    }

    [Fact]
    public async Task Add_BrowserFormWithSeveralTickedBoxes_SavesEachOne()
    {
        var page = await _admin.GetPageAsync("/Admin/Staff/Edit");
        Assert.Contains("<label class=\"form-check-label\" for=\"role-Supervisor\">客服主管</label>", page);
        Assert.Contains("<label class=\"form-check-label\" for=\"project-2\">", page);

        // A browser sends one pair per ticked box under the same name, and the hidden "false" of the checkbox.
        using var content = new FormUrlEncodedContent(
        [
            new("Input.UserName", "browser"),
            new("Input.DisplayName", "浏览器"),
            new("Input.Password", InitialPassword),
            new("Input.Roles", Roles.Clerk),
            new("Input.Roles", Roles.Manager),
            new("Input.IsCompanyWide", "false"),
            new("Input.ProjectIds", "2"),
            new("Input.ProjectIds", "3"),
            new("__RequestVerificationToken", DeskClient.AntiforgeryToken(page)!),
        ]);
        var response = await _admin.Http.PostAsync(new Uri("/Admin/Staff/Edit", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (user, roles) = await UserAsync("browser");
        Assert.Equal([Roles.Clerk, Roles.Manager], roles.Order());
        Assert.Equal([2, 3], user.Projects.Select(p => p.ProjectId).Order());
        Assert.False(user.IsCompanyWide);
    }

    [Fact]
    public async Task Add_CompanyWideWithoutProjects_Saves()
    {
        var response = await _admin.PostFormAsync("/Admin/Staff/Edit", NewStaff("lisi", "李四", InitialPassword, [Roles.Manager], [], companyWide: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await UserAsync("lisi")).User.IsCompanyWide);
    }

    public static TheoryData<string, string, string, string[], int[], string> BadNewStaff => new()
    {
        { "", "无名", InitialPassword, [Roles.Clerk], [1], "请填写用户名" },
        { "bad name", "空格", InitialPassword, [Roles.Clerk], [1], "用户名只能包含字母、数字和 - . _ @ +" },
        { "noname", "", InitialPassword, [Roles.Clerk], [1], "请填写姓名" },
        { "longname", new string('名', 51), InitialPassword, [Roles.Clerk], [1], "姓名不能超过 50 个字" },
        { "nopassword", "无密码", "", [Roles.Clerk], [1], "请设置初始密码" },
        { "weakpassword", "弱密码", "abc", [Roles.Clerk], [1], "密码至少 8 位" },
        { "norole", "无角色", InitialPassword, [], [1], "请至少选择一个角色" },
        { "badrole", "假角色", InitialPassword, ["Root"], [1], "角色无效" },
        { "noproject", "无项目", InitialPassword, [Roles.Clerk], [], "请至少选择一个负责项目" },
        { "unknownproject", "未知项目", InitialPassword, [Roles.Clerk], [99], "请选择在用的物业项目" },
        { "clerk", "重名", InitialPassword, [Roles.Clerk], [1], "用户名 clerk 已存在" },
    };

    [Theory]
    [MemberData(nameof(BadNewStaff))]
    public async Task Add_BadInput_ShowsMessageAndCreatesNobody(string userName, string displayName, string password, string[] roles, int[] projects, string message)
    {
        var before = await _app.WithDbAsync(db => db.Users.CountAsync());

        var response = await _admin.PostFormAsync("/Admin/Staff/Edit", NewStaff(userName, displayName, password, roles, projects));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await _app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.UserRoles.CountAsync(r => !db.Users.Any(u => u.Id == r.UserId))));
    }

    [Fact]
    public async Task Edit_NameRolesProjects_UpdatesThem()
    {
        var id = await CreateAsync("wangwu", [Roles.Clerk], [1]);

        var response = await _admin.PostFormAsync($"/Admin/Staff/Edit/{id}", EditStaff("王五（主管）", [Roles.Supervisor], [2, 3]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (user, roles) = await UserAsync("wangwu");
        Assert.Equal("王五（主管）", user.DisplayName);
        Assert.Equal([Roles.Supervisor], roles);
        Assert.Equal([2, 3], user.Projects.Select(p => p.ProjectId).Order());
    }

    [Fact]
    public async Task Edit_BadInput_ShowsMessageAndKeepsEverything()
    {
        var id = await CreateAsync("zhaoliu", [Roles.Clerk], [1]);

        var response = await _admin.PostFormAsync($"/Admin/Staff/Edit/{id}", EditStaff("", [], []));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请填写姓名", html);
        Assert.Contains("请至少选择一个角色", html);
        Assert.Contains("请至少选择一个负责项目", html);
        var (user, roles) = await UserAsync("zhaoliu");
        Assert.Equal("zhaoliu 的姓名", user.DisplayName);
        Assert.Equal([Roles.Clerk], roles);
        Assert.Equal([1], user.Projects.Select(p => p.ProjectId));
    }

    [Fact]
    public async Task Edit_OwnAdminRoleRemoved_IsRefused()
    {
        var adminId = await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());

        var response = await _admin.PostFormAsync($"/Admin/Staff/Edit/{adminId}", EditStaff("系统管理员", [Roles.Manager], [], companyWide: true));

        Assert.Contains("不能移除自己的系统管理员角色", await response.Content.ReadAsStringAsync());
        Assert.Equal([Roles.Admin], (await UserAsync("admin")).Roles);
    }

    [Fact]
    public async Task Deactivate_Self_IsRefused()
    {
        var adminId = await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());

        await _admin.PostFormAsync($"/Admin/Staff/Edit/{adminId}?handler=Deactivate", [], formPageUrl: $"/Admin/Staff/Edit/{adminId}");

        Assert.True((await UserAsync("admin")).User.IsActive);
    }

    [Fact]
    public async Task Edit_UnknownId_Answers404()
    {
        var response = await _admin.GetAsync("/Admin/Staff/Edit/no-such-user");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> CreateAsync(string userName, string[] roles, int[] projects)
    {
        var response = await _admin.PostFormAsync("/Admin/Staff/Edit", NewStaff(userName, $"{userName} 的姓名", InitialPassword, roles, projects));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await UserAsync(userName)).User.Id;
    }

    private Task<(StaffUser User, List<string> Roles)> UserAsync(string userName) =>
        _app.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Projects).SingleAsync(u => u.UserName == userName);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
            return (user, roles);
        });

    internal static Dictionary<string, string?> NewStaff(
        string userName, string displayName, string password, string[] roles, int[] projects, bool companyWide = false)
    {
        var form = EditStaff(displayName, roles, projects, companyWide);
        form["Input.UserName"] = userName;
        form["Input.Password"] = password;
        return form;
    }

    internal static Dictionary<string, string?> EditStaff(string displayName, string[] roles, int[] projects, bool companyWide = false)
    {
        // A form posts one value per ticked box; the dictionary carries them as indexed names.
        var form = new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.IsCompanyWide"] = companyWide ? "true" : "false",
        };
        for (var i = 0; i < roles.Length; i++)
        {
            form[$"Input.Roles[{i}]"] = roles[i];
        }

        for (var i = 0; i < projects.Length; i++)
        {
            form[$"Input.ProjectIds[{i}]"] = projects[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return form;
    }
}
