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
public sealed class IndexModel(CurrentStaff staff, ComplaintQueries queries, EscalationQueue escalations, ProcedurePolicies policies, TimeProvider clock)
    : PageModel
{
    public const int CountCap = 999;

    public string DisplayName => staff.DisplayName;

    /// <summary>One work queue: what waits, how many (up to the cap), where the list of them is.</summary>
    public sealed record Queue(string Id, string Title, string Hint, int Count, string Href)
    {
        public string CountText => Count > CountCap ? string.Create(CultureInfo.InvariantCulture, $"{CountCap}+") : Count.ToString(CultureInfo.InvariantCulture);
    }

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
            queues.Add(await CountAsync("queue-resolved", "待回访", "处理完成，等待回访结案", new ComplaintFilter { Status = ComplaintStatus.Resolved }, "status=Resolved", aborted));
            queues.Add(await CountAsync("queue-mine", "我负责的", "我是首问负责人的投诉", new ComplaintFilter { Mine = true }, "mine=true", aborted));
        }

        if (staff.IsInRole(Roles.Supervisor) || staff.IsInRole(Roles.Manager))
        {
            var waiting = await escalations.CountWaitingAsync(aborted);
            queues.Add(new Queue("queue-escalations", "待确认的升级", staff.IsInRole(Roles.Supervisor) ? "超时升级、重大与群体投诉" : "二级升级与重大投诉", waiting, "/Escalations"));
        }

        if (staff.IsInRole(Roles.Manager))
        {
            var policy = await policies.GetAsync(aborted);
            var today = DateOnly.FromDateTime(policy.Calendar.ToLocal(clock.GetUtcNow().UtcDateTime));
            var monthStart = new DateOnly(today.Year, today.Month, 1);
            var from = monthStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            queues.Add(await CountAsync("queue-month", "本月登记", "本月（北京时间）登记的投诉", new ComplaintFilter { From = monthStart }, "from=" + from, aborted));
            queues.Add(await CountAsync("queue-month-major", "本月重大投诉", "本月登记的 A 类重大投诉", new ComplaintFilter { From = monthStart, Severity = Severity.Major }, "severity=Major&from=" + from, aborted));
            queues.Add(await CountAsync("queue-overdue", "已超时", "超过规程时限仍未完成的环节", new ComplaintFilter { OverdueOnly = true }, "overdue=true", aborted));
        }

        Queues = queues;
        Links = SectionLinks();
    }

    private async Task<Queue> CountAsync(string id, string title, string hint, ComplaintFilter filter, string query, CancellationToken cancellationToken) =>
        new(id, title, hint, await queries.CountAsync(filter, CountCap + 1, cancellationToken), "/Complaints?" + query);

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
