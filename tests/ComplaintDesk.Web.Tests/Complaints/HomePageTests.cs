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

        _app.Clock.Advance(TimeSpan.FromDays(10));
        using var later = await _app.SignInAsync("clerk");
        // Ten days on: the two never dispatched are late, and so is the resolved one's follow-up (72 hours).
        Assert.Equal("3", Count(await later.GetPageAsync("/"), "queue-overdue"));
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
