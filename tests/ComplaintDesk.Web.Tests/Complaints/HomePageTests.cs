using System.Text.RegularExpressions;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Complaints;

/// <summary>Issue 15: the home page is each role's work queue — counts of what waits, each a link to the list filtered to it.</summary>
public sealed partial class HomePageTests : IDisposable
{
    private readonly DeskAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Clerk_SeesWhatWaits_CountedAndLinkedToTheFilteredList()
    {
        using var clerk = await _app.SignInAsync("clerk");
        var first = await Desk.RegisterAsync(clerk, ("Location", "1栋101"));
        await Desk.RegisterAsync(clerk, ("Location", "2栋202"));
        await Desk.RegisterAsync(clerk, ("Location", "3栋303"));
        await Desk.MoveOkAsync(clerk, first, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(clerk, first, "Resolve", new() { ["Resolve.Note"] = "已修好" });

        var html = await clerk.GetPageAsync("/");

        Assert.Equal("2", Count(html, "queue-registered"));
        Assert.Equal("1", Count(html, "queue-resolved"));
        Assert.Equal("0", Count(html, "queue-overdue"));
        Assert.Equal("3", Count(html, "queue-mine"));
        Assert.Contains("href=\"/Complaints?status=Registered\" id=\"queue-registered\"", html);
        Assert.Contains("href=\"/Complaints?status=Resolved\" id=\"queue-resolved\"", html);
        Assert.DoesNotContain("queue-escalations", html);
        Assert.DoesNotContain("queue-month", html);
        // The link leads to the same complaints the count counted.
        Assert.Contains("共 2 件", await clerk.GetPageAsync("/Complaints?status=Registered"));

        // The two waiting for dispatch are due within the hour; the follow-up (72 hours) is not due soon.
        Assert.Equal("2", Count(html, "queue-due-soon"));
        Assert.Contains("href=\"/Complaints?dueSoon=true\" id=\"queue-due-soon\"", html);
        Assert.Contains("共 2 件", await clerk.GetPageAsync("/Complaints?dueSoon=true"));

        _app.Clock.Advance(TimeSpan.FromDays(10));
        using var later = await _app.SignInAsync("clerk");
        // Ten days on: the two never dispatched are late, and so is the resolved one's follow-up (72 hours).
        var tenDaysOn = await later.GetPageAsync("/");
        Assert.Equal("3", Count(tenDaysOn, "queue-overdue"));
        Assert.Equal("0", Count(tenDaysOn, "queue-due-soon"));
    }

    [Fact]
    public async Task DueSoon_CountsOnlyWhatFallsDueWithinADay_NotWhatIsAlreadyLate()
    {
        using var clerk = await _app.SignInAsync("clerk");
        var id = await Desk.RegisterAsync(clerk, ("Location", "6栋601"));
        await Desk.MoveOkAsync(clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(clerk, id, "Resolve", new() { ["Resolve.Note"] = "已修好" });
        // Resolved: the next limit is the follow-up's, 72 hours on.
        var followUpDue = (await Desk.LoadAsync(_app, id)).NextDueAt!.Value;
        Assert.True(followUpDue > _app.Clock.GetUtcNow().UtcDateTime.AddHours(25), "the follow-up limit is longer than a day");

        // More than a day before the limit: not yet; 23 hours before: due soon; one minute after: late, no longer "soon".
        Assert.Equal("0", Count(await clerk.GetPageAsync("/"), "queue-due-soon"));
        _app.Clock.SetUtcNow(new DateTimeOffset(followUpDue.AddHours(-23), TimeSpan.Zero));
        using var nextDay = await _app.SignInAsync("clerk");
        Assert.Equal("1", Count(await nextDay.GetPageAsync("/"), "queue-due-soon"));
        Assert.Contains("共 1 件", await nextDay.GetPageAsync("/Complaints?dueSoon=true"));
        _app.Clock.SetUtcNow(new DateTimeOffset(followUpDue.AddMinutes(1), TimeSpan.Zero));
        using var afterTheLimit = await _app.SignInAsync("clerk");
        var late = await afterTheLimit.GetPageAsync("/");
        Assert.Equal("0", Count(late, "queue-due-soon"));
        Assert.Equal("1", Count(late, "queue-overdue"));
    }

    [Fact]
    public async Task Supervisor_SeesOpenGroupIncidents_UntilTheirComplaintsAreClosed()
    {
        using var supervisor = await _app.SignInAsync("supervisor");
        var id = await Desk.RegisterAsync(supervisor, ("Location", "7栋701"));
        Assert.Equal("0", Count(await supervisor.GetPageAsync("/"), "queue-incidents"));

        var created = await supervisor.PostFormAsync(
            $"/Escalations/Incidents/Create?complaintId={id}", new() { ["ComplaintId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Name"] = "7栋停水" });
        Assert.True(created.IsSuccessStatusCode || (int)created.StatusCode is 302 or 303, $"creating the incident answered {(int)created.StatusCode}");

        var html = await supervisor.GetPageAsync("/");
        Assert.Equal("1", Count(html, "queue-incidents"));
        Assert.Contains("href=\"/Escalations/Incidents\" id=\"queue-incidents\"", html);

        await Desk.MoveOkAsync(supervisor, id, "Withdraw", new() { ["Withdraw.Reason"] = "Duplicate", ["Withdraw.Note"] = "重复登记" });
        Assert.Equal("0", Count(await supervisor.GetPageAsync("/"), "queue-incidents"));
        using var clerk = await _app.SignInAsync("clerk");
        Assert.DoesNotContain("queue-incidents", await clerk.GetPageAsync("/"));
    }

    [Fact]
    public async Task Manager_ComparesThisMonthWithTheSameDaysOfLastMonth()
    {
        using var clerk = await _app.SignInAsync("clerk");
        await Desk.RegisterAsync(clerk, ("Location", "8栋801"));
        await Desk.RegisterAsync(clerk, ("Location", "8栋802"));

        // Nov 16 → Dec 16 (北京时间): November's two are last month's, registered on days 1–16.
        _app.Clock.Advance(TimeSpan.FromDays(30));
        using var clerkInDecember = await _app.SignInAsync("clerk");
        await Desk.RegisterAsync(clerkInDecember, ("Location", "8栋803"));
        using var manager = await _app.SignInAsync("manager");

        var html = await manager.GetPageAsync("/");

        Assert.Equal("1", Count(html, "queue-month"));
        Assert.Contains("上月同期（11 月 1–16 日） 2 件", html);
        Assert.Contains("href=\"/Complaints?from=2026-12-01\" id=\"queue-month\"", html);
    }

    [Fact]
    public async Task Manager_SeesThisMonthAndItsMajorComplaints_NotTheClerksQueues()
    {
        using var clerk = await _app.SignInAsync("clerk");
        await Desk.RegisterAsync(clerk, ("Location", "5栋501"));
        using var manager = await _app.SignInAsync("manager");

        var html = await manager.GetPageAsync("/");

        Assert.Equal("1", Count(html, "queue-month"));
        Assert.Equal("0", Count(html, "queue-month-major"));
        Assert.Contains("href=\"/Complaints?from=2026-11-01\" id=\"queue-month\"", html);
        Assert.Contains("id=\"queue-escalations\"", html);
        Assert.DoesNotContain("queue-registered", html);
    }

    [Fact]
    public async Task Admin_NoQueues_OnlyTheSections()
    {
        using var admin = await _app.SignInAsync("admin");

        var html = await admin.GetPageAsync("/");

        Assert.DoesNotContain("work-queues", html);
        Assert.Contains("系统管理", html);
    }

    private static string Count(string html, string queue) =>
        Regex.Match(html, "id=\"" + queue + "-count\">([^<]*)<").Groups[1].Value;
}
