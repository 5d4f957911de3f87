using System.Text.RegularExpressions;
using ComplaintDesk.Web.Tests.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>
/// The default settings: a running month's report is reused for a minute after a change (the page says 数据截至 when),
/// then recomputed; a past month is never served stale.
/// </summary>
public sealed class RunningMonthGraceTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Register_RunningMonthViewedWithinAMinute_ShowsTheEarlierFiguresAndSaysWhen()
    {
        var manager = await _app.SignInAsync("manager");
        var clerk = await _app.SignInAsync("clerk");
        var first = await manager.GetPageAsync("/Reports/Monthly?month=2026-11");
        var receivedBefore = Received(first);

        _app.Clock.Advance(TimeSpan.FromSeconds(20));
        await Desk.RegisterAsync(clerk);
        var withinGrace = await manager.GetPageAsync("/Reports/Monthly?month=2026-11");

        Assert.Equal(receivedBefore, Received(withinGrace));
        Assert.Contains("数据截至 2026-11-16 10:00", withinGrace, StringComparison.Ordinal);

        _app.Clock.Advance(TimeSpan.FromSeconds(45));
        var afterGrace = await manager.GetPageAsync("/Reports/Monthly?month=2026-11");

        Assert.Equal(receivedBefore + 1, Received(afterGrace));
    }

    private static int Received(string html)
    {
        var match = Regex.Match(html, "data-figure=\"received\">\\s*<th[^>]*>受理投诉</th>\\s*<td class=\"text-end\" data-value=\"current\">(\\d+)</td>");
        Assert.True(match.Success, "the page shows 受理投诉");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
