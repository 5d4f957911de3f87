using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.Search;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>
/// 投诉列表: filters in the query string (a GET form), keyset paging both ways and a count capped at 1,000.
/// A filter value that cannot be read is ignored with a message, never an error page.
/// </summary>
public sealed class IndexModel(
    ComplaintQueries queries, DeskNames names, CurrentStaff staff, ProcedurePolicies policies, TimeProvider clock)
    : PageModel
{
    public ComplaintFilter Filter { get; } = new();

    public ComplaintPage Results { get; private set; } = new([], null);

    /// <summary>Filters that were ignored because their value could not be read.</summary>
    public IReadOnlyList<string> Ignored { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Projects { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Topics { get; private set; } = [];

    public ProcedurePolicy Policy { get; private set; } = null!;

    /// <summary>The search box's text as understood, or null without one.</summary>
    public SearchQuery? Search { get; private set; }

    /// <summary>Why the search box's text cannot be searched (shown instead of results).</summary>
    public string? SearchError { get; private set; }

    /// <summary>Marks the searched words in a shown text.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Marked(string? text) => SearchHighlight.Mark(text, Search?.Highlights);

    public DateTime Now { get; private set; }

    /// <summary>The count stops here: "超过 1,000 件" costs no more than a page, an exact count of a million would.</summary>
    public const int CountCap = 1000;

    /// <summary>
    /// A search's count stops sooner: its matches are read through the index one complaint at a time (scope and filters
    /// checked on each), so counting costs in proportion to the cap; past a hundred the clerk narrows the search anyway.
    /// </summary>
    public const int SearchCountCap = 100;

    /// <summary>Where this page's count stops: <see cref="SearchCountCap"/> for a search, <see cref="CountCap"/> otherwise.</summary>
    public int MatchesCap => Search is null ? CountCap : SearchCountCap;

    /// <summary>Complaints matching the filters, counted up to <see cref="MatchesCap"/> + 1.</summary>
    public int Matches { get; private set; }

    public string MatchesText => Matches > MatchesCap
        ? string.Create(CultureInfo.InvariantCulture, $"超过 {MatchesCap:N0} 件")
        : string.Create(CultureInfo.InvariantCulture, $"共 {Matches:N0} 件");

    /// <summary>A search with more matches than its count shows: the page suggests narrowing it.</summary>
    public bool SearchIsBroad => Search is not null && Matches > MatchesCap;

    /// <summary>The raw query values, echoed back into the form.</summary>
    public string Raw(string key) => Request.Query[key].ToString();

    public async Task OnGetAsync()
    {
        var ignored = new List<string>();
        Filter.Status = ReadEnum<ComplaintStatus>("status", "状态", ignored);
        Filter.Type = ReadEnum<ComplaintType>("type", "类型", ignored);
        Filter.Severity = ReadEnum<Severity>("severity", "等级", ignored);
        Filter.Channel = ReadEnum<Channel>("channel", "渠道", ignored);
        Filter.ProjectId = ReadId("project", "项目", ignored);
        Filter.DepartmentId = ReadId("department", "部门", ignored);
        Filter.TopicId = ReadId("topic", "投诉事项", ignored);
        Filter.From = ReadDate("from", "登记日期（从）", ignored);
        Filter.To = ReadDate("to", "登记日期（至）", ignored);
        Filter.OverdueOnly = Raw("overdue") is "true" or "on" or "1";
        Filter.DueSoonOnly = Raw("dueSoon") is "true" or "on" or "1";
        Filter.Mine = Raw("mine") is "true" or "on" or "1";
        var keyword = Raw("q").Trim();
        if (keyword.Length > 0)
        {
            if (SearchQuery.TryParse(keyword, out var search, out var error))
            {
                Search = search;
                Filter.Keyword = keyword;
            }
            else
            {
                SearchError = error;
            }
        }

        Filter.Sort = Raw("sort") == "oldest" ? ComplaintSort.Oldest : ComplaintSort.Newest;
        if (Request.Query.ContainsKey("after") && Raw("after").Length > 0)
        {
            if (long.TryParse(Raw("after"), NumberStyles.None, CultureInfo.InvariantCulture, out var after) && after > 0)
            {
                Filter.After = after;
            }
            else
            {
                ignored.Add("页码");
            }
        }

        if (Request.Query.ContainsKey("before") && Raw("before").Length > 0)
        {
            if (long.TryParse(Raw("before"), NumberStyles.None, CultureInfo.InvariantCulture, out var before) && before > 0)
            {
                Filter.Before = before;
            }
            else
            {
                ignored.Add("页码");
            }
        }

        if (Filter.From is { } from && Filter.To is { } to && from > to)
        {
            ignored.Add("登记日期（从晚于至）");
            Filter.From = null;
            Filter.To = null;
        }

        Ignored = ignored;
        Policy = await policies.GetAsync(HttpContext.RequestAborted);
        Now = clock.GetUtcNow().UtcDateTime;
        if (SearchError is null)
        {
            Results = await queries.ListAsync(Filter, HttpContext.RequestAborted);
            Matches = await queries.CountAsync(Filter, MatchesCap + 1, HttpContext.RequestAborted);
        }


        // The filters' choices come from the names each instance keeps for a few seconds (no query per page).
        var options = await names.GetAsync(HttpContext.RequestAborted);
        Projects = staff.IsCompanyWide ? options.Projects : options.Projects.Where(p => staff.CanSeeProject(p.Id)).ToList();
        Departments = options.Departments;
        Topics = options.Topics;
    }

    /// <summary>This list's query with another cursor (both null: the first page).</summary>
    public string PageUrl(long? after, long? before = null)
    {
        var query = Request.Query
            .Where(q => q.Key is not ("after" or "before") && q.Value.ToString().Length > 0)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .ToList();
        if (after is { } cursor)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"after={cursor}"));
        }
        else if (before is { } back)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"before={back}"));
        }

        return query.Count == 0 ? "/Complaints" : "/Complaints?" + string.Join("&", query);
    }

    public bool IsOverdue(ComplaintListItem item) => item.NextDueAt is { } due && due < Now;

    private TEnum? ReadEnum<TEnum>(string key, string label, List<string> ignored)
        where TEnum : struct, Enum
    {
        var raw = Raw(key).Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        // Names only: a number would pass Enum.TryParse for values that do not exist.
        if (Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(raw[0]) && raw[0] != '-')
        {
            return value;
        }

        ignored.Add(label);
        return null;
    }

    private int? ReadId(string key, string label, List<string> ignored)
    {
        var raw = Raw(key).Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        ignored.Add(label);
        return null;
    }

    private DateOnly? ReadDate(string key, string label, List<string> ignored)
    {
        var raw = Raw(key).Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        ignored.Add(label);
        return null;
    }
}
