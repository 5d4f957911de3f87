using ComplaintDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin;

/// <summary>系统管理: where the administrator finds staff, master data and the procedure settings.</summary>
public sealed class IndexModel(ComplaintDeskDbContext db) : PageModel
{
    public IReadOnlyList<(string Title, string Description, string Href, int? Count)> Links { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Links =
        [
            ("人员与角色", "添加人员，设置角色、负责项目，停用账号，重置密码。", "/Admin/Staff", await db.Users.CountAsync(u => u.IsActive)),
            ("物业项目", "项目编码、名称和地址。", "/Admin/Projects", await db.Projects.CountAsync(p => p.IsActive)),
            ("责任部门", "派单时可选择的部门。", "/Admin/Departments", await db.Departments.CountAsync(d => d.IsActive)),
            ("投诉事项", "投诉事项及其默认责任部门。", "/Admin/Topics", await db.Topics.CountAsync(t => t.IsActive)),
            ("转办来源", "12345 热线等转办单位及其默认的签收、首次反馈、办结时限。", "/Admin/ReferralSources",
                await db.ReferralSources.CountAsync(s => s.IsActive)),
            ("规程设置", "处理时限、重大投诉阈值、时区。", "/Admin/Settings", null),
        ];
    }
}
