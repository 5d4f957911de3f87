using System.Net;
using System.Text.RegularExpressions;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Search;
using ComplaintDesk.Web.Tests.Api;
using ComplaintDesk.Web.Tests.Escalations;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Complaints;

/// <summary>The search box on 投诉列表 and <c>q</c> on <c>GET /api/v1/complaints</c>: every kind of query, scope, hostile input.</summary>
public sealed partial class SearchTests : IAsyncLifetime
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

    [Theory]
    [InlineData("17711917091")]
    [InlineData("177 1191 7091")]
    [InlineData("177-1191-7091")]
    [InlineData("+86 177 1191 7091")]
    [InlineData("１７７１１９１７０９１")]
    [InlineData("7091")]
    public async Task Search_Phone_WholeAnyWayOrLastFour(string typed)
    {
        var first = await RegisterAsync(_clerk, ("Phone", "177 1191 7091"), ("Content", "小区门口垃圾没人清理"));
        await RegisterAsync(_clerk, ("Phone", "13900001111"));
        var second = await RegisterAsync(_clerk, ("Phone", "+86 17711917091"), ("Content", "楼道灯坏了"));

        var html = await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString(typed));

        Assert.Equal([second, first], Ids(html));
        var table = html[html.IndexOf("id=\"complaint-table\"", StringComparison.Ordinal)..];
        Assert.Contains("177****7091", table);
        Assert.DoesNotContain("17711917091", table);
        Assert.DoesNotContain("1191", table);
    }

    [Fact]
    public async Task Search_Number_WholePrefixAndLastFour()
    {
        var first = await RegisterAsync(_clerk);
        var second = await RegisterAsync(_clerk);
        _app.Clock.Advance(TimeSpan.FromDays(20));
        _clerk.Dispose();
        _clerk = await _app.SignInAsync("clerk");
        var december = await RegisterAsync(_clerk);

        Assert.Equal([first], await IdsAsync("TS2026110001"));
        Assert.Equal([first], await IdsAsync("ts2026110001"));
        Assert.Equal([second, first], await IdsAsync("TS202611"));
        Assert.Equal([december], await IdsAsync("TS202612"));
        Assert.Equal([december, second, first], await IdsAsync("TS2026"));
        Assert.Equal([december, second, first], await IdsAsync("TS20261"));
        Assert.Equal([second, first], await IdsAsync("TS202611000"));
        Assert.Equal([second], await IdsAsync("0002"));
        Assert.Equal([second], await IdsAsync("TS202611 0002"));
        Assert.Equal([december], await IdsAsync("TS202612 0001"));
        Assert.Empty(await IdsAsync("TS202501"));
    }

    [Fact]
    public async Task Search_Room_WrittenAnyWay()
    {
        var room = await RegisterAsync(_clerk, ("Location", "3栋1单元1202"));
        var neighbour = await RegisterAsync(_clerk, ("Location", "3-1-502"));
        var other = await RegisterAsync(_clerk, ("Location", "13栋2单元1202室"));

        Assert.Equal([room], await IdsAsync("3栋1单元1202"));
        Assert.Equal([room], await IdsAsync("3-1-1202"));
        Assert.Equal([room], await IdsAsync("３栋１单元１２０２室"));
        Assert.Equal([neighbour, room], await IdsAsync("3栋"));
        Assert.Equal([neighbour, room], await IdsAsync("3-1"));
        Assert.Equal([other], await IdsAsync("13栋"));
        Assert.Equal([other, room], await IdsAsync("1202"));
    }

    [Fact]
    public async Task Search_Name_WholeOrSurname()
    {
        var wang = await RegisterAsync(_clerk, ("ComplainantName", "王小明"));
        await RegisterAsync(_clerk, ("ComplainantName", "李四"));

        Assert.Equal([wang], await IdsAsync("王小明"));
        Assert.Equal([wang], await IdsAsync("王"));
        Assert.Empty(await IdsAsync("王大明"));
    }

    [Theory]
    [InlineData("电梯")]
    [InlineData("漏水")]
    [InlineData("停车")]
    public async Task Search_TwoCharacterWord_FindsOnlyComplaintsWithIt(string word)
    {
        var with = await RegisterAsync(_clerk, ("Content", $"上周反映的{word}问题一直没人处理"));
        await RegisterAsync(_clerk, ("Content", "绿化带杂草太多，蚊虫多"));

        var html = await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString(word));

        Assert.Equal([with], Ids(html));
        Assert.Contains($"<mark>{word}</mark>", html);
    }

    [Fact]
    public async Task Search_SeveralWords_AllOfThem()
    {
        var both = await RegisterAsync(_clerk, ("Content", "地库漏水，车位被淹"));
        await RegisterAsync(_clerk, ("Content", "楼上漏水"));
        await RegisterAsync(_clerk, ("Content", "车位被占"));

        Assert.Equal([both], await IdsAsync("漏水 车位"));
        Assert.Equal([both], await IdsAsync("车位，漏水"));
    }

    [Fact]
    public async Task Search_MixedChineseDigitsAndFullWidth_Found()
    {
        var id = await RegisterAsync(_clerk, ("Content", "B2车库12号车位被占用"));
        await RegisterAsync(_clerk, ("Content", "车库灯不亮"));

        Assert.Equal([id], await IdsAsync("12号车位"));
        Assert.Equal([id], await IdsAsync("１２号车位"));
        Assert.Equal([id], await IdsAsync("ｂ２车库"));
    }

    [Fact]
    public async Task Search_NotesAndFollowUps_FindableRightAfterTheMove()
    {
        var id = await RegisterAsync(_clerk);
        Assert.Empty(await IdsAsync("维保单位"));

        await Desk.MoveOkAsync(_clerk, id, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, id, "RecordProgress", new() { ["RecordProgress.Note"] = "已联系维保单位" });
        Assert.Equal([id], await IdsAsync("维保单位"));

        await Desk.MoveOkAsync(_clerk, id, "Resolve", new() { ["Resolve.Note"] = "已更换门机" });
        using var supervisor = await _app.SignInAsync("supervisor");
        await Desk.MoveOkAsync(supervisor, id, "RecordFollowUp", new()
        {
            ["RecordFollowUp.Method"] = "Phone", ["RecordFollowUp.Outcome"] = "Satisfied", ["RecordFollowUp.Note"] = "业主表示很满意",
        });
        Assert.Equal([id], await IdsAsync("门机"));
        Assert.Equal([id], await IdsAsync("很满意"));
    }

    [Fact]
    public async Task Search_OtherProjectsComplaint_NeverFound()
    {
        using var golden = await _app.SignInAsync("clerk2");
        var theirs = await RegisterAsync(golden, ("ProjectId", "3"), ("Phone", "13700007777"), ("Content", "泳池水质浑浊"));
        var ours = await RegisterAsync(_clerk, ("Content", "泳池开放时间太短"));

        Assert.Equal([ours], await IdsAsync("泳池"));
        Assert.Empty(await IdsAsync("13700007777"));
        Assert.Empty(await IdsAsync("7777"));
        Assert.Equal([theirs], Ids(await golden.GetPageAsync("/Complaints?q=13700007777")));
    }

    [Fact]
    public async Task Search_WithFiltersAndPaging_NewestFirstByKeyset()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await RegisterAsync(_clerk, ("Content", $"电梯第{i}次停运"), ("ProjectId", i % 2 == 0 ? "1" : "2")));
        }

        await RegisterAsync(_clerk, ("Content", "门禁坏了"));

        Assert.Equal([ids[4], ids[2], ids[0]], await IdsAsync("电梯", "&project=1"));
        Assert.Equal([ids[0], ids[2], ids[4]], await IdsAsync("电梯", "&project=1&sort=oldest"));
        Assert.Contains("共 5 件", await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString("电梯")));

        using var api = await ApiTestClient.ForAsync(_app, "clerk");
        var seen = new List<long>();
        var url = "/api/v1/complaints?pageSize=2&q=" + Uri.EscapeDataString("电梯");
        for (var pages = 0; pages < 5; pages++)
        {
            var page = await ApiTestClient.JsonAsync(await api.GetAsync(url), HttpStatusCode.OK);
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
            if (page["nextCursor"]?.GetValue<string>() is not { } cursor)
            {
                break;
            }

            url = "/api/v1/complaints?pageSize=2&q=" + Uri.EscapeDataString("电梯") + "&cursor=" + Uri.EscapeDataString(cursor);
        }

        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Search_MoreMatchesThanItsCount_SaysSoAndSuggestsNarrowing()
    {
        var cap = ComplaintDesk.Web.Pages.Complaints.IndexModel.SearchCountCap;
        for (var i = 0; i <= cap; i++)
        {
            await _app.RegisterAsync(EscalationKit.Input(phone: $"1380000{i:0000}", content: $"电梯第{i}次停运"));
        }

        var search = await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString("电梯"));
        var list = await _clerk.GetPageAsync("/Complaints");

        Assert.Contains($"超过 {cap} 件", search);
        Assert.Contains("id=\"search-broad\"", search);
        Assert.Equal(20, Ids(search).Count);
        Assert.Contains($"共 {cap + 1} 件", list);
        Assert.DoesNotContain("search-broad", list);
    }

    [Theory]
    [InlineData("\"电梯\"")]
    [InlineData("电梯*")]
    [InlineData("电梯 OR")]
    [InlineData("NEAR(电梯, 停运)")]
    [InlineData("-电梯")]
    [InlineData("(电梯")]
    [InlineData("电梯)")]
    [InlineData("' OR 1=1 --")]
    [InlineData("%_[]")]
    public async Task Search_OperatorsAndSymbols_TextNever500(string typed)
    {
        await RegisterAsync(_clerk);

        var response = await _clerk.GetAsync("/Complaints?q=" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(1000, "搜索内容不能超过 100 个字")]
    [InlineData(0, "请输入要查找的")]
    public async Task Search_TooLongOrNothing_ChineseMessage(int length, string message)
    {
        var typed = length > 0 ? new string('电', length) : "***";

        var html = await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString(typed));

        Assert.Contains("id=\"search-error\"", html);
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task Api_Q_SearchesAndRefusesWithProblemDetails()
    {
        using var api = await ApiTestClient.ForAsync(_app, "clerk");
        var id = await api.RegisterAsync(b => b["phone"] = "13655556666");
        await api.RegisterAsync();

        var found = await ApiTestClient.JsonAsync(await api.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString("136-5555-6666")), HttpStatusCode.OK);
        var byLast4 = await ApiTestClient.JsonAsync(await api.GetAsync("/api/v1/complaints?q=6666"), HttpStatusCode.OK);
        var tooLong = await ApiTestClient.ProblemAsync(await api.GetAsync("/api/v1/complaints?q=" + new string('a', 1000)), HttpStatusCode.BadRequest);
        var symbols = await ApiTestClient.ProblemAsync(await api.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString("\"*()")), HttpStatusCode.BadRequest);

        Assert.Equal([id], found["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        Assert.Equal([id], byLast4["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        Assert.Equal("136****6666", found["items"]![0]!["phoneMasked"]!.GetValue<string>());
        Assert.Equal(SearchQuery.TooLongMessage, tooLong["errors"]!["q"]![0]!.GetValue<string>());
        Assert.Equal(SearchQuery.NothingToSearchMessage, symbols["errors"]!["q"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateEarlier_PhoneAnyWay_TheCallersComplaintsInScope()
    {
        var mine = await RegisterAsync(_clerk, ("Phone", "13366667777"));
        await RegisterAsync(_clerk, ("Phone", "13366668888"));
        using var golden = await _app.SignInAsync("clerk2");
        await RegisterAsync(golden, ("ProjectId", "3"), ("Phone", "13366667777"));

        var html = await _clerk.GetPageAsync("/Complaints/Create?handler=Earlier&phone=" + Uri.EscapeDataString("+86 133-6666-7777"));
        var none = await _clerk.GetPageAsync("/Complaints/Create?handler=Earlier&phone=13300000000");
        var notYet = await _clerk.GetPageAsync("/Complaints/Create?handler=Earlier&phone=1336");
        var hostile = await _clerk.GetAsync("/Complaints/Create?handler=Earlier&phone=" + Uri.EscapeDataString(new string('1', 5000)));

        Assert.Equal([mine], EarlierIds().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("待派单", html);
        Assert.Contains("TS2026110001", html);
        Assert.Contains("id=\"earlier-none\"", none);
        Assert.DoesNotContain("earlier-list", notYet);
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
    }

    [Fact]
    public async Task Register_IndexWritten_InTheSameTransaction()
    {
        var id = await RegisterAsync(_clerk, ("Phone", "13512345678"), ("Location", "5栋2单元301"));

        var tokens = await _app.WithDbAsync(db => db.Set<ComplaintSearchTerm>().Where(t => t.ComplaintId == id).Select(t => t.Token).ToListAsync());

        Assert.Contains("p:+8613512345678", tokens);
        Assert.Contains("p4:5678", tokens);
        Assert.Contains("r:5-2-301", tokens);
        Assert.Contains("#m202611", tokens);
        Assert.Contains("电梯", tokens);
    }

    [Fact]
    public async Task SearchIndexBuilder_ComplaintsFromBeforeTheIndex_FoundAfterTheBuild()
    {
        var first = await RegisterAsync(_clerk, ("Content", "消防通道被占用"), ("Phone", "13122223333"));
        var second = await RegisterAsync(_clerk, ("Content", "消防栓漏水"));
        await Desk.MoveOkAsync(_clerk, second, "Dispatch", new() { ["Dispatch.DepartmentId"] = "2" });
        await Desk.MoveOkAsync(_clerk, second, "RecordProgress", new() { ["RecordProgress.Note"] = "已通知水电班" });
        var before = await _app.WithDbAsync(db => db.Set<ComplaintSearchTerm>().OrderBy(t => t.ComplaintId).ThenBy(t => t.Token)
            .Select(t => t.ComplaintId + " " + t.Token).ToListAsync());
        await _app.WithDbAsync(db => db.Set<ComplaintSearchTerm>().ExecuteDeleteAsync());
        Assert.Empty(await IdsAsync("消防"));

        var done = new List<int>();
        var written = await _app.WithDbAsync(db => new ComplaintDesk.Data.SearchIndexBuilder(db).RebuildAsync(progress: new SyncProgress(done)));

        var after = await _app.WithDbAsync(db => db.Set<ComplaintSearchTerm>().OrderBy(t => t.ComplaintId).ThenBy(t => t.Token)
            .Select(t => t.ComplaintId + " " + t.Token).ToListAsync());
        Assert.Equal(before, after);
        Assert.Equal(before.Count, written);
        Assert.Equal(2, done[^1]);
        Assert.Equal([second, first], await IdsAsync("消防"));
        Assert.Equal([second], await IdsAsync("水电班"));
        Assert.Equal([first], await IdsAsync("3333"));
    }

    private sealed class SyncProgress(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }

    private const string Places = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";

    private int _registered;

    /// <summary>Registers with a location of its own unless given one (the same phone, place and topic again asks "重复反映？").</summary>
    private Task<long> RegisterAsync(DeskClient client, params (string Field, string? Value)[] overrides)
    {
        var place = "东区" + Places[_registered++ % Places.Length] + "门";
        return Desk.RegisterAsync(client, [("Location", place), .. overrides]);
    }

    private async Task<List<long>> IdsAsync(string q, string more = "") =>
        Ids(await _clerk.GetPageAsync("/Complaints?q=" + Uri.EscapeDataString(q) + more));

    private static List<long> Ids(string html) =>
        RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex("id=\"earlier-(\\d+)\"")]
    private static partial Regex EarlierIds();

    [GeneratedRegex("<tr id=\"row-(\\d+)\"")]
    private static partial Regex RowId();
}
