using System.Net;
using System.Text.RegularExpressions;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Complaints;

public sealed partial class ListPageTests : IAsyncLifetime
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
    public async Task List_Phones_MaskedInListWholeOnDetails()
    {
        var id = await Desk.RegisterAsync(_clerk, ("Phone", "13912345678"));

        var list = await _clerk.GetPageAsync("/Complaints");
        var details = await _clerk.GetPageAsync($"/Complaints/{id}");

        Assert.Contains("139****5678", list);
        Assert.DoesNotContain("13912345678", list);
        Assert.Contains("<dd class=\"col-8 col-sm-9\" id=\"phone\">13912345678</dd>", details);
    }

    [Fact]
    public async Task List_Filters_ShowOnlyMatches()
    {
        await Desk.RegisterAsync(_clerk, ("Location", "1栋"), ("Content", "电梯异响"));
        await Desk.RegisterAsync(_clerk, ("Location", "2栋"), ("Cause", "EngineeringQuality"), ("TopicId", "12"), ("Content", "外墙渗水"));
        await Desk.RegisterAsync(_clerk, ("Location", "3栋"), ("ProjectId", "2"), ("Channel", "GovernmentHotline"), ("ComplainantName", "李四"));

        Assert.Equal(["TS2026110002"], Numbers(await _clerk.GetPageAsync("/Complaints?type=B")));
        Assert.Equal(["TS2026110003"], Numbers(await _clerk.GetPageAsync("/Complaints?project=2")));
        Assert.Equal(["TS2026110003"], Numbers(await _clerk.GetPageAsync("/Complaints?channel=GovernmentHotline")));
        Assert.Equal(["TS2026110002"], Numbers(await _clerk.GetPageAsync("/Complaints?topic=12")));
        Assert.Equal(["TS2026110001"], Numbers(await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString("异响"))));
        Assert.Equal(["TS2026110003"], Numbers(await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString("李四"))));
        Assert.Equal(["TS2026110002"], Numbers(await _clerk.GetPageAsync("/Complaints?q=TS2026110002")));
        Assert.Equal(["TS2026110001", "TS2026110003"], Numbers(await _clerk.GetPageAsync("/Complaints?severity=Minor&sort=oldest")));
        Assert.Equal(["TS2026110003", "TS2026110002", "TS2026110001"], Numbers(await _clerk.GetPageAsync("/Complaints?status=Registered")));
        Assert.Empty(Numbers(await _clerk.GetPageAsync("/Complaints?status=Closed")));
    }

    [Fact]
    public async Task List_DepartmentAndDateRange_FilterByDispatchAndLocalDay()
    {
        var first = await Desk.RegisterAsync(_clerk, ("Location", "1栋"));
        await Desk.MoveOkAsync(_clerk, first, "Dispatch", new() { ["Dispatch.DepartmentId"] = "3" });
        _app.Clock.Advance(TimeSpan.FromHours(4));
        await Desk.RegisterAsync(_clerk, ("Location", "2栋"));
        _app.Clock.Advance(TimeSpan.FromHours(4));

        // Registered 2026-11-16 at 10:00 and 14:00 local time; the clock now shows 18:00 local.
        Assert.Equal(["TS2026110001"], Numbers(await _clerk.GetPageAsync("/Complaints?department=3")));
        Assert.Equal(2, Numbers(await _clerk.GetPageAsync("/Complaints?from=2026-11-16&to=2026-11-16")).Count);
        Assert.Empty(Numbers(await _clerk.GetPageAsync("/Complaints?from=2026-11-17")));
        Assert.Empty(Numbers(await _clerk.GetPageAsync("/Complaints?to=2026-11-15")));
    }

    [Fact]
    public async Task List_OverdueOnly_ShowsComplaintsPastALimit()
    {
        await Desk.RegisterAsync(_clerk, ("Location", "1栋"));
        _app.Clock.Advance(TimeSpan.FromMinutes(25));
        await Desk.RegisterAsync(_clerk, ("Location", "2栋"));

        var html = await _clerk.GetPageAsync("/Complaints?overdue=true");

        Assert.Equal(["TS2026110001"], Numbers(html));
        Assert.Contains(">超时</span>", html);
    }

    [Fact]
    public async Task List_MoreThanAPage_PagesByCursorWithoutOverlap()
    {
        for (var i = 1; i <= 23; i++)
        {
            await Desk.RegisterAsync(_clerk, ("Location", $"{i}栋"));
        }

        var first = await _clerk.GetPageAsync("/Complaints");
        var next = NextLink().Match(first);
        Assert.True(next.Success);
        Assert.DoesNotContain("id=\"first-page\"", first);
        var second = await _clerk.GetPageAsync(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value));

        var firstNumbers = Numbers(first);
        var secondNumbers = Numbers(second);
        Assert.Equal(20, firstNumbers.Count);
        Assert.Equal("TS2026110023", firstNumbers[0]);
        Assert.Equal(["TS2026110003", "TS2026110002", "TS2026110001"], secondNumbers);
        Assert.DoesNotContain("id=\"next-page\"", second);
        Assert.Contains("id=\"first-page\"", second);
        Assert.Contains("<span class=\"text-muted me-auto\" id=\"match-count\">共 23 件</span>", first);
        Assert.Contains("本页 3 条，共 23 件", second);

        // 上一页 from the second page is the first page again, with 下一页 and no 上一页.
        var previous = PreviousLink().Match(second);
        Assert.True(previous.Success, "no 上一页 on the second page");
        var back = await _clerk.GetPageAsync(System.Net.WebUtility.HtmlDecode(previous.Groups[1].Value));
        Assert.Equal(firstNumbers, Numbers(back));
        Assert.Contains("id=\"next-page\"", back);
        Assert.DoesNotContain("id=\"previous-page\"", back);
        Assert.DoesNotContain("id=\"previous-page\"", first);
    }

    [Fact]
    public async Task List_ThreePagesOldestFirst_PreviousAndNextWalkBothWays()
    {
        for (var i = 1; i <= 45; i++)
        {
            await Desk.RegisterAsync(_clerk, ("Location", $"{i}号"));
        }

        var first = await _clerk.GetPageAsync("/Complaints?sort=oldest");
        var second = await _clerk.GetPageAsync(System.Net.WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value));
        var third = await _clerk.GetPageAsync(System.Net.WebUtility.HtmlDecode(NextLink().Match(second).Groups[1].Value));
        Assert.Equal("TS2026110041", Numbers(third)[0]);
        Assert.Equal(5, Numbers(third).Count);

        var backToSecond = await _clerk.GetPageAsync(System.Net.WebUtility.HtmlDecode(PreviousLink().Match(third).Groups[1].Value));
        Assert.Equal(Numbers(second), Numbers(backToSecond));
        Assert.Equal("TS2026110021", Numbers(backToSecond)[0]);
        Assert.Contains("id=\"previous-page\"", backToSecond);
        var forwardAgain = await _clerk.GetPageAsync(System.Net.WebUtility.HtmlDecode(NextLink().Match(backToSecond).Groups[1].Value));
        Assert.Equal(Numbers(third), Numbers(forwardAgain));
        Assert.Contains("共 45 件", first);
    }

    [Fact]
    public async Task List_Filtered_CountsOnlyMatches()
    {
        await Desk.RegisterAsync(_clerk, ("Location", "9栋"), ("Content", "垃圾清运不及时"));
        await Desk.RegisterAsync(_clerk, ("Location", "8栋"), ("Content", "垃圾桶破损"));
        await Desk.RegisterAsync(_clerk, ("Location", "7栋"), ("Content", "电梯困人"));

        Assert.Contains("共 2 件", await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString("垃圾")));
        Assert.Contains("共 0 件", await _clerk.GetPageAsync("/Complaints?project=2"));
    }

    [Fact]
    public async Task List_BadFilterValues_IgnoredWithAMessage()
    {
        await Desk.RegisterAsync(_clerk);

        var response = await _clerk.GetAsync("/Complaints?status=xyz&from=notadate&project=-1&after=abc&severity=7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("以下筛选条件无法识别，已忽略：状态、等级、项目、登记日期（从）、页码。", html);
        Assert.Equal(["TS2026110001"], Numbers(html));
    }

    [Fact]
    public async Task List_AnotherProjectsClerk_SeesNone()
    {
        await Desk.RegisterAsync(_clerk);
        using var clerk2 = await _app.SignInAsync("clerk2");

        var html = await clerk2.GetPageAsync("/Complaints?project=1");

        Assert.Empty(Numbers(html));
        Assert.DoesNotContain("阳光花园</option>", html);
    }

    [Fact]
    public async Task List_NarrowScreen_RowsRenderedOnceAndShownAsCardsByCss()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var html = await _clerk.GetPageAsync("/Complaints");

        // One copy of each row: the same table row is a card below 768 px (site.css), so its link is in the page once.
        Assert.Contains("class=\"table table-hover table-sm align-middle complaint-table\" id=\"complaint-table\"", html);
        Assert.Single(Regex.Matches(html, "href=\"/Complaints/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\""));
        Assert.DoesNotContain("complaint-cards", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />", html);
    }

    /// <summary>The numbers in the table, in order.</summary>
    private static List<string> Numbers(string html)
    {
        var start = html.IndexOf("id=\"complaint-table\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return RowNumber().Matches(html[start..end].Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal)).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(">(TS\\d{10,})</a>")]
    private static partial Regex RowNumber();

    [GeneratedRegex("href=\"([^\"]+)\" id=\"next-page\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("href=\"([^\"]+)\" id=\"previous-page\"")]
    private static partial Regex PreviousLink();
}
