using System.Net;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Admin;

public sealed class DepartmentsAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly DeskAppFactory _app = fixture.App;
    private readonly DeskClient _admin = fixture.Admin;

    [Fact]
    public async Task Index_Admin_ListsDepartments()
    {
        var html = await _admin.GetPageAsync("/Admin/Departments");

        Assert.Contains("客服部", html);
        Assert.Contains("综合管理部", html);
    }

    [Fact]
    public async Task Add_ValidName_Saves()
    {
        var response = await _admin.PostFormAsync("/Admin/Departments/Edit", new() { ["Input.Name"] = " 财务部 " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Departments.AnyAsync(d => d.Name == "财务部" && d.IsActive)));
    }

    [Theory]
    [InlineData("", "请填写部门名称")]
    [InlineData("   ", "请填写部门名称")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "部门名称不能超过 50 个字")]
    [InlineData("工程部", "部门 工程部 已存在")]
    public async Task Add_BadInput_ShowsMessageAndSavesNothing(string name, string message)
    {
        var before = await _app.WithDbAsync(db => db.Departments.CountAsync());

        var response = await _admin.PostFormAsync("/Admin/Departments/Edit", new() { ["Input.Name"] = name });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.WithDbAsync(db => db.Departments.CountAsync()));
    }

    [Fact]
    public async Task Edit_NewName_Renames()
    {
        await _admin.PostFormAsync("/Admin/Departments/Edit", new() { ["Input.Name"] = "待改名部门" });
        var id = await _app.WithDbAsync(db => db.Departments.Where(d => d.Name == "待改名部门").Select(d => d.Id).SingleAsync());

        var response = await _admin.PostFormAsync($"/Admin/Departments/Edit/{id}", new() { ["Input.Name"] = "已改名部门" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已改名部门", await _app.WithDbAsync(db => db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task Deactivate_DefaultDepartmentOfTopics_KeepsTopicsPointingAtIt()
    {
        var engineering = await _app.WithDbAsync(db => db.Departments.Where(d => d.Name == "工程部").Select(d => d.Id).SingleAsync());
        var topicsBefore = await _app.WithDbAsync(db => db.Topics.CountAsync(t => t.DefaultDepartmentId == engineering));
        Assert.Contains("电梯", await _admin.GetPageAsync($"/Admin/Departments/Edit/{engineering}"));

        var response = await _admin.PostFormAsync(
            $"/Admin/Departments/Edit/{engineering}?handler=Deactivate", [], formPageUrl: $"/Admin/Departments/Edit/{engineering}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Departments.Where(d => d.Id == engineering).Select(d => d.IsActive).SingleAsync()));
        Assert.Equal(topicsBefore, await _app.WithDbAsync(db => db.Topics.CountAsync(t => t.DefaultDepartmentId == engineering)));

        await _admin.PostFormAsync($"/Admin/Departments/Edit/{engineering}?handler=Reactivate", [], formPageUrl: $"/Admin/Departments/Edit/{engineering}");
        Assert.True(await _app.WithDbAsync(db => db.Departments.Where(d => d.Id == engineering).Select(d => d.IsActive).SingleAsync()));
    }
}
