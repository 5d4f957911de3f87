using System.Net;
using ComplaintDesk.Web.Tests.Infrastructure;
using ComplaintDesk.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Admin;

public sealed class ProjectsAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly DeskAppFactory _app = fixture.App;
    private readonly DeskClient _admin = fixture.Admin;

    [Fact]
    public async Task Index_Admin_ListsProjects()
    {
        var html = await _admin.GetPageAsync("/Admin/Projects");

        Assert.Contains("阳光花园", html);
        Assert.Contains("YGHY", html);
        Assert.Contains("金域华府", html);
    }

    [Fact]
    public async Task Add_ValidInput_SavesAndLists()
    {
        var response = await _admin.PostFormAsync("/Admin/Projects/Edit", Form("lhy-01", "绿海苑", "深圳市宝安区绿海路 1 号"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await _app.WithDbAsync(db => db.Projects.SingleAsync(p => p.Code == "LHY-01"));
        Assert.Equal("绿海苑", project.Name);
        Assert.Equal("深圳市宝安区绿海路 1 号", project.Address);
        Assert.True(project.IsActive);
        Assert.Contains("绿海苑", await _admin.GetPageAsync("/Admin/Projects"));
    }

    [Theory]
    [InlineData("", "某项目", "请填写项目编码")]
    [InlineData("A B", "某项目", "项目编码只能包含字母、数字、- 和 _")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "某项目", "项目编码不能超过 20 个字符")]
    [InlineData("NEW1", "  ", "请填写项目名称")]
    public async Task Add_BadInput_ShowsMessageAndSavesNothing(string code, string name, string message)
    {
        var before = await _app.WithDbAsync(db => db.Projects.CountAsync());

        var response = await _admin.PostFormAsync("/Admin/Projects/Edit", Form(code, name, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task Add_NameTooLong_ShowsMessageAndSavesNothing()
    {
        var response = await _admin.PostFormAsync("/Admin/Projects/Edit", Form("LONG1", new string('园', 101), null));

        Assert.Contains("项目名称不能超过 100 个字", await response.Content.ReadAsStringAsync());
        Assert.False(await _app.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code == "LONG1")));
    }

    [Fact]
    public async Task Add_DuplicateCode_SaysSoAndSavesNothing()
    {
        var response = await _admin.PostFormAsync("/Admin/Projects/Edit", Form("yghy", "另一个阳光花园", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("项目编码 YGHY 已被其他项目使用", await response.Content.ReadAsStringAsync());
        Assert.False(await _app.WithDbAsync(db => db.Projects.AnyAsync(p => p.Name == "另一个阳光花园")));
    }

    [Fact]
    public async Task Edit_ValidInput_UpdatesProject()
    {
        var id = await AddAsync("EDIT1", "旧名称");

        var response = await _admin.PostFormAsync($"/Admin/Projects/Edit/{id}", Form("EDIT1", "新名称", "新地址"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await _app.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == id));
        Assert.Equal("新名称", project.Name);
        Assert.Equal("新地址", project.Address);
    }

    [Fact]
    public async Task Edit_CodeOfAnotherProject_SaysSoAndKeepsOldValues()
    {
        var id = await AddAsync("EDIT2", "编辑二");

        var response = await _admin.PostFormAsync($"/Admin/Projects/Edit/{id}", Form("CHW", "编辑二改", null));

        Assert.Contains("项目编码 CHW 已被其他项目使用", await response.Content.ReadAsStringAsync());
        var project = await _app.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == id));
        Assert.Equal(("EDIT2", "编辑二"), (project.Code, project.Name));
    }

    [Fact]
    public async Task Edit_UnknownId_Answers404()
    {
        var response = await _admin.GetAsync("/Admin/Projects/Edit/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Deactivate_ProjectWithComplaintsAndStaff_KeepsThemAndReactivates()
    {
        var complaintId = await AppEndpoints.RegisterComplaintAsync(_app, "clerk", projectId: 2);
        var staffBefore = await _app.WithDbAsync(db => db.StaffProjects.CountAsync(p => p.ProjectId == 2));

        var response = await _admin.PostFormAsync("/Admin/Projects/Edit/2?handler=Deactivate", [], formPageUrl: "/Admin/Projects/Edit/2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Projects.Where(p => p.Id == 2).Select(p => p.IsActive).SingleAsync()));
        Assert.True(await _app.WithDbAsync(db => db.Complaints.AnyAsync(c => c.Id == complaintId && c.ProjectId == 2)));
        Assert.Equal(staffBefore, await _app.WithDbAsync(db => db.StaffProjects.CountAsync(p => p.ProjectId == 2)));
        Assert.Contains("已停用", await _admin.GetPageAsync("/Admin/Projects"));

        await _admin.PostFormAsync("/Admin/Projects/Edit/2?handler=Reactivate", [], formPageUrl: "/Admin/Projects/Edit/2");

        Assert.True(await _app.WithDbAsync(db => db.Projects.Where(p => p.Id == 2).Select(p => p.IsActive).SingleAsync()));
    }

    private async Task<int> AddAsync(string code, string name)
    {
        await _admin.PostFormAsync("/Admin/Projects/Edit", Form(code, name, null));
        return await _app.WithDbAsync(db => db.Projects.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
    }

    private static Dictionary<string, string?> Form(string code, string name, string? address) => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = name,
        ["Input.Address"] = address,
    };
}
