using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages;

/// <summary>
/// The home page: where each role starts its day — its work queues with their counts (each a link to the list filtered
/// to it), then the desk's sections. Counts stop at <see cref="CountCap"/> so the page stays as cheap as the list.
/// </summary>
public sealed class IndexModel(
    CurrentStaff staff, ComplaintQueries queries, EscalationQueue escalations, IncidentService incidents, ProcedurePolicies policies, TimeProvider clock)
    : PageModel
{
    public const int CountCap = 999;

    /// <summary>A manager's month figures are compared with last month's, so they count further before they stop.</summary>
    public const int MonthCountCap = 9999;

    public string DisplayName => staff.DisplayName;

    /// <summary>One work queue: what waits, how many (up to the cap), where the list of them is.</summary>
    public sealed record Queue(string Id, string Title, string Hint, int Count, string Href, int Cap = CountCap)
    {
        public string CountText => Counted(Count, Cap);
    }

    /// <summary>A capped count as shown: "999+" once it reached the cap.</summary>
    public static string Counted(int count, int cap) =>
        count > cap ? string.Create(CultureInfo.InvariantCulture, $"{cap:N0}+") : count.ToString("N0", CultureInfo.InvariantCulture);

    public IReadOnlyList<Queue> Queues { get; private set; } = [];

    public IReadOnlyList<(string Title, string Description, string Href)> Links { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var aborted = HttpContext.RequestAborted;
        var handles = staff.IsInRole(Roles.Clerk) || staff.IsInRole(Roles.Supervisor);
        var queues = new List<Queue>();
        if (handles)
        {
            queues.Add(await CountAsync("queue-registered", "待派单", "已登记，尚未派给责任部门", new ComplaintFilter { Status = ComplaintStatus.Registered }, "status=Registered", aborted));
            queues.Add(await CountAsync("queue-overdue", "已超时", "超过规程时限仍未完成的环节", new ComplaintFilter { OverdueOnly = true }, "overdue=true", aborted));
            queues.Add(await CountAsync(
                "queue-due-soon", "即将超时", string.Create(CultureInfo.InvariantCulture, $"{ComplaintFilter.DueSoonHours} 小时内到期的环节"),
                new ComplaintFilter { DueSoonOnly = true }, "dueSoon=true", aborted));
            queues.Add(await CountAsync("queue-resolved", "待回访", "处理完成，等待回访结案", new ComplaintFilter { Status = ComplaintStatus.Resolved }, "status=Resolved", aborted));
            queues.Add(await CountAsync("queue-mine", "我负责的", "我是首问负责人的投诉", new ComplaintFilter { Mine = true }, "mine=true", aborted));
        }

        if (staff.IsInRole(Roles.Supervisor) || staff.IsInRole(Roles.Manager))
        {
            var waiting = await escalations.CountWaitingAsync(aborted);
            queues.Add(new Queue("queue-escalations", "待确认的升级", staff.IsInRole(Roles.Supervisor) ? "超时升级、重大与群体投诉" : "二级升级与重大投诉", waiting, "/Escalations"));
        }

        if (staff.IsInRole(Roles.Supervisor))
        {
            var open = await incidents.CountOpenAsync(CountCap + 1, aborted);
            queues.Add(new Queue("queue-incidents", "处理中的群体事件", "仍有投诉未结案的群体事件", open, "/Escalations/Incidents"));
        }

        if (staff.IsInRole(Roles.Manager))
        {
            var policy = await policies.GetAsync(aborted);
            var today = DateOnly.FromDateTime(policy.Calendar.ToLocal(clock.GetUtcNow().UtcDateTime));
            var monthStart = new DateOnly(today.Year, today.Month, 1);
            var from = monthStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            // Against the same days of last month (1st to today's day, or to its end when last month was shorter).
            var lastStart = monthStart.AddMonths(-1);
            var lastEnd = lastStart.AddDays(Math.Min(today.Day, DateTime.DaysInMonth(lastStart.Year, lastStart.Month)) - 1);
            var period = string.Create(CultureInfo.InvariantCulture, $"上月同期（{lastStart.Month} 月 1–{lastEnd.Day} 日）");
            var lastMonth = await queries.CountAsync(new ComplaintFilter { From = lastStart, To = lastEnd }, MonthCountCap + 1, aborted);
            var lastMonthMajor = await queries.CountAsync(new ComplaintFilter { From = lastStart, To = lastEnd, Severity = Severity.Major }, MonthCountCap + 1, aborted);
            queues.Add(await CountAsync(
                "queue-month", "本月登记", $"本月（北京时间）登记的投诉；{period} {Counted(lastMonth, MonthCountCap)} 件",
                new ComplaintFilter { From = monthStart }, "from=" + from, aborted, MonthCountCap));
            queues.Add(await CountAsync(
                "queue-month-major", "本月重大投诉", $"本月登记的 A 类重大投诉；{period} {Counted(lastMonthMajor, MonthCountCap)} 件",
                new ComplaintFilter { From = monthStart, Severity = Severity.Major }, "severity=Major&from=" + from, aborted, MonthCountCap));
            queues.Add(await CountAsync("queue-overdue", "已超时", "超过规程时限仍未完成的环节", new ComplaintFilter { OverdueOnly = true }, "overdue=true", aborted));
        }

        Queues = queues;
        Links = SectionLinks();
    }

    private async Task<Queue> CountAsync(
        string id, string title, string hint, ComplaintFilter filter, string query, CancellationToken cancellationToken, int cap = CountCap) =>
        new(id, title, hint, await queries.CountAsync(filter, cap + 1, cancellationToken), "/Complaints?" + query, cap);

    private List<(string, string, string)> SectionLinks()
    {
        var links = new List<(string, string, string)>();
        if (staff.IsInRole(Roles.Clerk) || staff.IsInRole(Roles.Supervisor))
        {
            links.Add(("登记投诉", "记录业主投诉，系统按规程自动分类。", "/Complaints/Create"));
        }

        if (staff.IsInRole(Roles.Clerk) || staff.IsInRole(Roles.Supervisor) || staff.IsInRole(Roles.Manager))
        {
            links.Add(("投诉列表", "查找、筛选并处理本项目的投诉。", "/Complaints"));
        }

        if (staff.IsInRole(Roles.Supervisor) || staff.IsInRole(Roles.Manager))
        {
            links.Add(("升级督办", "超时、重大、群体投诉一目了然。", "/Escalations"));
            links.Add(("月度报表", "规程要求的各项指标与趋势。", "/Reports/Monthly"));
        }

        if (staff.IsInRole(Roles.Admin))
        {
            links.Add(("系统管理", "人员、项目、部门、投诉事项与时限设置。", "/Admin"));
        }

        return links;
    }
}
