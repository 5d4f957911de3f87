using System.Net;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Tests.Infrastructure;
using ComplaintDesk.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Admin;

public sealed class TopicsAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly DeskAppFactory _app = fixture.App;
    private readonly DeskClient _admin = fixture.Admin;

    [Fact]
    public async Task Index_Admin_ListsTopicsWithDefaultDepartment()
    {
        var html = await _admin.GetPageAsync("/Admin/Topics");

        Assert.Contains("<td>电梯</td>", html);
        Assert.Contains("<td>工程部</td>", html);
    }

    [Fact]
    public async Task Add_WithDefaultDepartment_Saves()
    {
        var department = await DepartmentIdAsync("环境部");

        var response = await _admin.PostFormAsync("/Admin/Topics/Edit", new() { ["Input.Name"] = "宠物管理", ["Input.DefaultDepartmentId"] = department.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var topic = await _app.WithDbAsync(db => db.Topics.SingleAsync(t => t.Name == "宠物管理"));
        Assert.Equal(department, topic.DefaultDepartmentId);
    }

    [Fact]
    public async Task Add_WithoutDefaultDepartment_Saves()
    {
        await _admin.PostFormAsync("/Admin/Topics/Edit", new() { ["Input.Name"] = "其他事项", ["Input.DefaultDepartmentId"] = "" });

        Assert.Null(await _app.WithDbAsync(db => db.Topics.Where(t => t.Name == "其他事项").Select(t => t.DefaultDepartmentId).SingleAsync()));
    }

    [Theory]
    [InlineData("", "", "请填写投诉事项名称")]
    [InlineData("停车", "", "投诉事项 停车 已存在")]
    [InlineData("新事项一", "999", "请选择在用的责任部门")]
    [InlineData("新事项二", "abc", "请输入有效的整数")]
    public async Task Add_BadInput_ShowsMessageAndSavesNothing(string name, string department, string message)
    {
        var before = await _app.WithDbAsync(db => db.Topics.CountAsync());

        var response = await _admin.PostFormAsync("/Admin/Topics/Edit", new() { ["Input.Name"] = name, ["Input.DefaultDepartmentId"] = department });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.WithDbAsync(db => db.Topics.CountAsync()));
    }

    [Fact]
    public async Task Add_DeactivatedDepartment_IsRefused()
    {
        var id = await _app.WithDbAsync(async db =>
        {
            var department = new Department { Name = "已撤销部门", IsActive = false };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return department.Id;
        });

        var response = await _admin.PostFormAsync("/Admin/Topics/Edit", new() { ["Input.Name"] = "新事项三", ["Input.DefaultDepartmentId"] = id.ToString() });

        Assert.Contains("请选择在用的责任部门", await response.Content.ReadAsStringAsync());
        Assert.False(await _app.WithDbAsync(db => db.Topics.AnyAsync(t => t.Name == "新事项三")));
    }

    [Fact]
    public async Task Edit_NewDefaultDepartment_Updates()
    {
        var noise = await _app.WithDbAsync(db => db.Topics.Where(t => t.Name == "噪音").Select(t => t.Id).SingleAsync());
        var environment = await DepartmentIdAsync("环境部");

        var response = await _admin.PostFormAsync($"/Admin/Topics/Edit/{noise}", new() { ["Input.Name"] = "噪音扰民", ["Input.DefaultDepartmentId"] = environment.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var topic = await _app.WithDbAsync(db => db.Topics.SingleAsync(t => t.Id == noise));
        Assert.Equal(("噪音扰民", (int?)environment), (topic.Name, topic.DefaultDepartmentId));
    }

    [Fact]
    public async Task Deactivate_TopicWithComplaints_KeepsComplaints()
    {
        var complaintId = await AppEndpoints.RegisterComplaintAsync(_app, "clerk", projectId: 1);
        var topicId = await _app.WithDbAsync(db => db.Complaints.Where(c => c.Id == complaintId).Select(c => c.TopicId).SingleAsync());

        var response = await _admin.PostFormAsync($"/Admin/Topics/Edit/{topicId}?handler=Deactivate", [], formPageUrl: $"/Admin/Topics/Edit/{topicId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Topics.Where(t => t.Id == topicId).Select(t => t.IsActive).SingleAsync()));
        Assert.True(await _app.WithDbAsync(db => db.Complaints.AnyAsync(c => c.Id == complaintId && c.TopicId == topicId)));

        await _admin.PostFormAsync($"/Admin/Topics/Edit/{topicId}?handler=Reactivate", [], formPageUrl: $"/Admin/Topics/Edit/{topicId}");
        Assert.True(await _app.WithDbAsync(db => db.Topics.Where(t => t.Id == topicId).Select(t => t.IsActive).SingleAsync()));
    }

    private Task<int> DepartmentIdAsync(string name) =>
        _app.WithDbAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());
}
