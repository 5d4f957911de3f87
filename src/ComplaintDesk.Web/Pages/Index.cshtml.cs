using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages;

/// <summary>The home page: where each role starts its day.</summary>
public sealed class IndexModel(CurrentStaff staff) : PageModel
{
    public string DisplayName => staff.DisplayName;

    public IReadOnlyList<(string Title, string Description, string Href)> Links { get; private set; } = [];

    public void OnGet()
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

        Links = links;
    }
}
