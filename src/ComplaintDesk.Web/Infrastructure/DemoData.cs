using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// Roles (always) and, in Development only, demo projects, departments, topics and the accounts
/// clerk / supervisor / manager / admin with the password <see cref="DemoPassword"/>.
/// </summary>
public sealed class DemoData(ComplaintDeskDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole> roles, ILogger<DemoData> logger)
{
    public const string DemoPassword = "Demo@2026";

    public static IReadOnlyList<(string Code, string Name, string Address)> DemoProjects { get; } =
    [
        ("YGHY", "阳光花园", "深圳市南山区阳光路 88 号"),
        ("CHW", "翠湖湾", "深圳市福田区翠湖路 12 号"),
        ("JYHF", "金域华府", "深圳市龙岗区金域大道 6 号"),
    ];

    public static IReadOnlyList<string> DemoDepartments { get; } = ["客服部", "工程部", "秩序维护部", "环境部", "综合管理部"];

    /// <summary>Topics of domain.md with their default department.</summary>
    public static IReadOnlyList<(string Topic, string Department)> DemoTopics { get; } =
    [
        ("电梯", "工程部"), ("秩序/安保", "秩序维护部"), ("保洁/卫生", "环境部"), ("绿化", "环境部"), ("停车", "秩序维护部"),
        ("维修服务", "工程部"), ("收费", "客服部"), ("噪音", "秩序维护部"), ("装修管理", "综合管理部"), ("公共设施", "工程部"),
        ("服务态度", "客服部"), ("房屋质量", "工程部"), ("市政/外部", "综合管理部"),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task SeedAsync()
    {
        await EnsureRolesAsync();
        if (!await db.Projects.AnyAsync())
        {
            db.Projects.AddRange(DemoProjects.Select(p => new Project { Code = p.Code, Name = p.Name, Address = p.Address }));
            db.Departments.AddRange(DemoDepartments.Select(d => new Department { Name = d }));
            await db.SaveChangesAsync();
            var departments = await db.Departments.ToDictionaryAsync(d => d.Name, d => d.Id);
            db.Topics.AddRange(DemoTopics.Select(t => new Topic { Name = t.Topic, DefaultDepartmentId = departments[t.Department] }));
            await db.SaveChangesAsync();
        }

        var projectIds = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var firstTwo = projectIds.Take(2).ToArray();
        await EnsureUserAsync("clerk", "王小丽", Roles.Clerk, false, firstTwo);
        await EnsureUserAsync("supervisor", "李主管", Roles.Supervisor, false, firstTwo);
        await EnsureUserAsync("manager", "陈经理", Roles.Manager, true, []);
        await EnsureUserAsync("admin", "系统管理员", Roles.Admin, true, []);
        await EnsureUserAsync("clerk2", "赵专员", Roles.Clerk, false, projectIds.Skip(2).Take(1).ToArray());
    }

    private async Task EnsureUserAsync(string userName, string displayName, string role, bool companyWide, int[] projects)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = displayName,
            IsCompanyWide = companyWide,
            Projects = projects.Select(p => new StaffProject { ProjectId = p }).ToList(),
        };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        logger.LogInformation("Demo account {UserName} ({Role}) created", userName, role);
    }
}
