using System.Net;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Complaints;

/// <summary>首问负责制 on the pages: the owner on the details page, 转交, and the list's 我负责的.</summary>
public sealed class OwnerPageTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private DeskClient _clerk = null!;

    public async Task InitializeAsync() => _clerk = await _app.SignInAsync("clerk");

    public Task DisposeAsync()
    {
        _clerk.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Details_Registered_OwnerIsTheClerkAndHandOverListsTheProjectsDeskStaff()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var html = await _clerk.GetPageAsync($"/Complaints/{id}");

        Assert.Contains("id=\"owner\">王小丽</dd>", html);
        Assert.Contains("id=\"move-HandOver\"", html);
        var select = html[html.IndexOf("id=\"HandOver_ToUserId\"", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains(">李主管</option>", select);
        Assert.DoesNotContain("王小丽", select);
        Assert.DoesNotContain("赵专员", select);
        Assert.DoesNotContain("陈经理", select);
        Assert.Equal("王小丽", (await Desk.LoadAsync(_app, id)).OwnerName);
    }

    [Fact]
    public async Task HandOver_ToTheSupervisor_OwnerChangesWithTimelineAndMineFollows()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var id = await Desk.RegisterAsync(_clerk);
        var number = (await Desk.LoadAsync(_app, id)).Number;
        Assert.Contains(number, await _clerk.GetPageAsync("/Complaints?mine=true"));
        Assert.DoesNotContain(number, await supervisor.GetPageAsync("/Complaints?mine=true"));

        await Desk.MoveOkAsync(_clerk, id, "HandOver", new() { ["HandOver.ToUserId"] = await UserIdAsync("supervisor"), ["HandOver.Reason"] = "本人调岗，请李主管跟进" });

        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal("李主管", complaint.OwnerName);
        var entry = complaint.Timeline.OrderBy(t => t.Id).Last();
        Assert.Equal(TimelineKind.HandedOver, entry.Kind);
        Assert.Equal("本人调岗，请李主管跟进", entry.Note);
        Assert.Equal("首问负责人 王小丽 → 李主管", entry.Detail);
        var html = await _clerk.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("id=\"owner\">李主管</dd>", html);
        Assert.DoesNotContain("id=\"move-HandOver\"", html);
        Assert.DoesNotContain(number, await _clerk.GetPageAsync("/Complaints?mine=true"));
        Assert.Contains(number, await supervisor.GetPageAsync("/Complaints?mine=true"));
        Assert.Contains("id=\"filter-mine\" name=\"mine\" value=\"true\" checked=\"checked\"", await supervisor.GetPageAsync("/Complaints?mine=true"));
    }

    [Theory]
    [InlineData("clerk2", "本人调岗", "请选择该项目在岗的客服专员或客服主管。")]
    [InlineData("manager", "本人调岗", "请选择该项目在岗的客服专员或客服主管。")]
    [InlineData("nobody", "本人调岗", "请选择该项目在岗的客服专员或客服主管。")]
    [InlineData("supervisor", "", "请填写转交原因。")]
    public async Task HandOver_BadTargetOrNoReason_ShowsMessageAndSavesNothing(string to, string reason, string message)
    {
        var id = await Desk.RegisterAsync(_clerk);
        var toId = to == "nobody" ? "no-such-user" : await UserIdAsync(to);

        var response = await Desk.MoveAsync(_clerk, id, "HandOver", new() { ["HandOver.ToUserId"] = toId, ["HandOver.Reason"] = reason });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal("王小丽", complaint.OwnerName);
        Assert.DoesNotContain(complaint.Timeline, t => t.Kind == TimelineKind.HandedOver);
    }

    private Task<string> UserIdAsync(string userName) =>
        _app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
