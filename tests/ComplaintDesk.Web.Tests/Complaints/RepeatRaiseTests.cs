using System.Net;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Complaints;

public sealed class RepeatRaiseTests : IAsyncLifetime
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
    public async Task Save_SameComplainantPlaceAndTopicOpen_OffersRepeatRaiseAndSavesNothing()
    {
        await Desk.RegisterAsync(_clerk);

        var response = await _clerk.PostFormAsync("/Complaints/Create", Desk.Intake(("ComplainantName", "张先生")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("可能是重复反映", html);
        Assert.Contains(">记录为 TS2026110001 的重复反映</button>", html);
        Assert.Contains(">仍然登记为新投诉</button>", html);
        Assert.Matches("id=\"Input_TimesRaisedUnresolved\"\\s+name=\"Input.TimesRaisedUnresolved\" value=\"2\"", html);
        Assert.Equal(1, await Desk.CountAsync(_app));
    }

    [Fact]
    public async Task Save_OtherLocation_RegistersWithoutAsking()
    {
        await Desk.RegisterAsync(_clerk);

        var second = await Desk.RegisterAsync(_clerk, ("Location", "5栋201"));

        Assert.Equal(2, await Desk.CountAsync(_app));
        Assert.Equal("TS2026110002", (await Desk.LoadAsync(_app, second)).Number);
    }

    [Fact]
    public async Task RecordRepeat_OpenComplaint_CountsARaiseAndRegistersNothingNew()
    {
        var first = await Desk.RegisterAsync(_clerk, ("PromisedServiceNotDelivered", "true"));
        var version = (await Desk.LoadAsync(_app, first)).Version;

        var response = await _clerk.PostFormAsync(
            $"/Complaints/Create?handler=Repeat&repeatOf={first}&repeatVersion={version}", Desk.Intake(("Content", "又停了")), "/Complaints/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(first, Desk.IdOf(response));
        var complaint = await Desk.LoadAsync(_app, first);
        Assert.Equal(2, complaint.Facts.TimesRaisedUnresolved);
        Assert.Equal(Domain.Classification.Severity.Major, complaint.Severity);
        Assert.Contains(complaint.Timeline, t => t.Kind == TimelineKind.RepeatRaise);
        Assert.Equal(1, await Desk.CountAsync(_app));
        var html = await _clerk.GetPageAsync($"/Complaints/{first}");
        Assert.Contains("已记录为 TS2026110001 的重复反映", html);
        Assert.Contains("业主再次反映：又停了", html);
    }

    [Fact]
    public async Task RegisterNew_AfterSeeingTheEarlierOne_SavesWithTheRaiseCount()
    {
        await Desk.RegisterAsync(_clerk);

        var response = await _clerk.PostFormAsync("/Complaints/Create?handler=New", Desk.Intake(("TimesRaisedUnresolved", "2")), "/Complaints/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = await Desk.LoadAsync(_app, Desk.IdOf(response));
        Assert.Equal("TS2026110002", second.Number);
        Assert.Equal(2, second.Facts.TimesRaisedUnresolved);
    }

    [Fact]
    public async Task Save_RecentlyClosedComplaint_ExplainsThatASupervisorReopens()
    {
        using var caller = await _app.SignInAsync("supervisor");
        var first = await Desk.RegisterAsync(_clerk);
        await Desk.MoveOkAsync(_clerk, first, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, first, "Resolve", new() { ["Resolve.Note"] = "已维修" });
        await Desk.MoveOkAsync(caller, first, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });
        _app.Clock.Advance(TimeSpan.FromDays(10));
        using var nextShift = await _app.SignInAsync("clerk");

        var html = await (await nextShift.PostFormAsync("/Complaints/Create", Desk.Intake())).Content.ReadAsStringAsync();

        Assert.Contains("需由客服主管在其详情页「重新打开」", html);
        Assert.DoesNotContain(">记录为 TS2026110001 的重复反映</button>", html);
        Assert.Contains(">仍然登记为新投诉</button>", html);
    }

    [Fact]
    public async Task Save_ClosedLongAgo_RegistersWithoutAsking()
    {
        using var caller = await _app.SignInAsync("supervisor");
        var first = await Desk.RegisterAsync(_clerk);
        await Desk.MoveOkAsync(_clerk, first, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, first, "Resolve", new() { ["Resolve.Note"] = "已维修" });
        await Desk.MoveOkAsync(caller, first, "RecordFollowUp", new() { ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied" });
        _app.Clock.Advance(TimeSpan.FromDays(31));
        using var nextMonth = await _app.SignInAsync("clerk");

        await Desk.RegisterAsync(nextMonth);

        Assert.Equal(2, await Desk.CountAsync(_app));
    }
}
