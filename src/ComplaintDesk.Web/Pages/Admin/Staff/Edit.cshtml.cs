using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Staff;

/// <summary>
/// Adds (no id) or edits a member of staff: name, roles, projects, company-wide scope; deactivates and
/// reactivates. Staff are never deleted: their names stay on what they did.
/// </summary>
public sealed class EditModel(
    ComplaintDeskDbContext db,
    UserManager<StaffUser> users,
    WriteGate gate,
    Infrastructure.Security.SessionValidator sessions,
    IValidator<EditModel.StaffInput> validator,
    ILogger<EditModel> logger)
    : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public string? Id { get; private set; }

    public string? UserName { get; private set; }

    public bool IsActive { get; private set; } = true;

    public bool IsSelf => Id is not null && Id == users.GetUserId(User);

    public IReadOnlyList<Project> Projects { get; private set; } = [];

    /// <summary>Shown after an administrator tried to deactivate their own account.</summary>
    [BindProperty(SupportsGet = true)]
    public bool SelfDeactivation { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (id is not null)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Projects).SingleOrDefaultAsync(u => u.Id == id);
            if (user is null)
            {
                return NotFound();
            }

            Show(user);
            Input = new StaffInput
            {
                DisplayName = user.DisplayName,
                IsCompanyWide = user.IsCompanyWide,
                ProjectIds = user.Projects.Select(p => p.ProjectId).ToList(),
                Roles = await RoleNamesOfAsync(user.Id),
            };
        }

        await LoadProjectsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id)
    {
        StaffUser? user = null;
        if (id is not null)
        {
            user = await db.Users.Include(u => u.Projects).SingleOrDefaultAsync(u => u.Id == id);
            if (user is null)
            {
                return NotFound();
            }

            Show(user);
        }

        Input.IsNew = user is null;
        Input.UserName = AdminForm.Clean(Input.UserName);
        Input.DisplayName = AdminForm.Clean(Input.DisplayName);
        Input.ProjectIds = Input.ProjectIds.Distinct().ToList();
        Input.Roles = Input.Roles.Distinct().ToList();
        var valid = ModelState.Check(validator, Input) & await CheckAgainstDatabaseAsync(user);
        if (!valid)
        {
            await LoadProjectsAsync();
            return Page();
        }

        var saved = user is null ? await CreateAsync() : await UpdateAsync(user);
        if (!saved)
        {
            db.ChangeTracker.Clear();
            await LoadProjectsAsync();
            return Page();
        }

        return RedirectToPage("Index", new { saved = true });
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(string id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(string id, bool active)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!active && user.Id == users.GetUserId(User))
        {
            // Nobody locks themselves out of administration by accident.
            return RedirectToPage("Edit", new { id, selfDeactivation = true });
        }

        user.IsActive = active;
        using (await gate.EnterAsync())
        {
            // A new security stamp ends the sessions and tokens a deactivated person still holds (within seconds).
            var result = active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        sessions.Forget(user.Id);

        logger.LogInformation("Staff {StaffUserName} active={IsActive} set by {UserName}", user.UserName, active, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    private async Task<bool> CheckAgainstDatabaseAsync(StaffUser? user)
    {
        var valid = true;
        if (user is null && Input.UserName is { } userName && await users.FindByNameAsync(userName) is not null)
        {
            ModelState.AddModelError(AdminForm.Key(nameof(StaffInput.UserName)), $"用户名 {userName} 已存在。");
            valid = false;
        }

        if (user is null && !string.IsNullOrEmpty(Input.Password) && ModelState.GetFieldValidationState(AdminForm.Key(nameof(StaffInput.Password))) != ModelValidationState.Invalid)
        {
            foreach (var passwordValidator in users.PasswordValidators)
            {
                var result = await passwordValidator.ValidateAsync(users, new StaffUser(), Input.Password);
                if (!result.Succeeded)
                {
                    ModelState.AddModelError(AdminForm.Key(nameof(StaffInput.Password)), string.Join(" ", result.Errors.Select(e => e.Description)));
                    valid = false;
                }
            }
        }

        var known = user?.Projects.Select(p => p.ProjectId).ToHashSet() ?? [];
        var wanted = Input.ProjectIds.Where(p => !known.Contains(p)).ToList();
        if (wanted.Count > 0 && await db.Projects.CountAsync(p => wanted.Contains(p.Id) && p.IsActive) != wanted.Count)
        {
            ModelState.AddModelError(AdminForm.Key(nameof(StaffInput.ProjectIds)), "请选择在用的物业项目。");
            valid = false;
        }

        if (IsSelf && !Input.Roles.Contains(Roles.Admin))
        {
            ModelState.AddModelError(AdminForm.Key(nameof(StaffInput.Roles)), "不能移除自己的系统管理员角色。");
            valid = false;
        }

        return valid;
    }

    private async Task<bool> CreateAsync()
    {
        var user = new StaffUser
        {
            UserName = Input.UserName,
            DisplayName = Input.DisplayName!,
            IsCompanyWide = Input.IsCompanyWide,
            Projects = Input.ProjectIds.Select(p => new StaffProject { ProjectId = p }).ToList(),
        };
        foreach (var roleId in await RoleIdsAsync())
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }

        IdentityResult result;
        using (await gate.EnterAsync())
        {
            // One SaveChanges: the user, their projects and roles together.
            result = await users.CreateAsync(user, Input.Password!);
        }

        if (!result.Succeeded)
        {
            AddErrors(result);
            return false;
        }

        logger.LogInformation("Staff {StaffUserName} created by {UserName} with roles {Roles}", user.UserName, User.Identity?.Name, Input.Roles);
        return true;
    }

    private async Task<bool> UpdateAsync(StaffUser user)
    {
        user.DisplayName = Input.DisplayName!;
        user.IsCompanyWide = Input.IsCompanyWide;
        foreach (var project in user.Projects.Where(p => !Input.ProjectIds.Contains(p.ProjectId)).ToList())
        {
            db.StaffProjects.Remove(project);
        }

        foreach (var projectId in Input.ProjectIds.Where(p => user.Projects.All(x => x.ProjectId != p)))
        {
            db.StaffProjects.Add(new StaffProject { UserId = user.Id, ProjectId = projectId });
        }

        var roleIds = await RoleIdsAsync();
        var current = await db.UserRoles.Where(r => r.UserId == user.Id).ToListAsync();
        db.UserRoles.RemoveRange(current.Where(r => !roleIds.Contains(r.RoleId)));
        db.UserRoles.AddRange(roleIds.Where(id => current.All(r => r.RoleId != id))
            .Select(id => new IdentityUserRole<string> { UserId = user.Id, RoleId = id }));
        try
        {
            using (await gate.EnterAsync())
            {
                // Roles and projects reach the person's cookie at the next security-stamp check (a few minutes).
                await db.SaveChangesAsync();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "该人员刚刚被其他管理员修改，请刷新后重试。");
            return false;
        }

        logger.LogInformation("Staff {StaffUserName} updated by {UserName}: roles {Roles}, company-wide {IsCompanyWide}, projects {Projects}",
            user.UserName, User.Identity?.Name, Input.Roles, Input.IsCompanyWide, Input.ProjectIds);
        return true;
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => AdminForm.Key(nameof(StaffInput.UserName)),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => AdminForm.Key(nameof(StaffInput.Password)),
                _ => string.Empty,
            };
            ModelState.AddModelError(field, error.Description);
        }
    }

    private async Task<List<string>> RoleIdsAsync()
    {
        var names = Input.Roles;
        return await db.Roles.Where(r => r.Name != null && names.Contains(r.Name)).Select(r => r.Id).ToListAsync();
    }

    private async Task<List<string>> RoleNamesOfAsync(string userId) =>
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               where userRole.UserId == userId
               select role.Name!).ToListAsync();

    private async Task LoadProjectsAsync()
    {
        var selected = Input.ProjectIds;
        Projects = await db.Projects.AsNoTracking().Where(p => p.IsActive || selected.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
    }

    private void Show(StaffUser user)
    {
        Id = user.Id;
        UserName = user.UserName;
        IsActive = user.IsActive;
    }

    public sealed class StaffInput
    {
        /// <summary>Set by the page, never bound: user name and initial password are asked only when adding.</summary>
        [BindNever]
        public bool IsNew { get; set; }

        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public List<string> Roles { get; set; } = [];

        public List<int> ProjectIds { get; set; } = [];

        public bool IsCompanyWide { get; set; }
    }

    public sealed class StaffInputValidator : AbstractValidator<StaffInput>
    {
        public StaffInputValidator()
        {
            When(x => x.IsNew, () =>
            {
                RuleFor(x => x.UserName).NotEmpty().WithMessage("请填写用户名。")
                    .MaximumLength(StaffUser.UserNameLength).WithMessage($"用户名不能超过 {StaffUser.UserNameLength} 个字符。")
                    .Matches("^[A-Za-z0-9._@+-]+$").WithMessage("用户名只能包含字母、数字和 - . _ @ +。");
                RuleFor(x => x.Password).NotEmpty().WithMessage("请设置初始密码。");
            });
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("请填写姓名。")
                .MaximumChars(StaffUser.DisplayNameLength).WithMessage($"姓名不能超过 {StaffUser.DisplayNameLength} 个字。");
            RuleFor(x => x.Roles).NotEmpty().WithMessage("请至少选择一个角色。")
                .Must(roles => roles.All(r => Roles.All.Contains(r))).WithMessage("角色无效。");
            RuleFor(x => x.ProjectIds).NotEmpty().WithMessage("请至少选择一个负责项目，或勾选“全公司范围”。").When(x => !x.IsCompanyWide)
                .Must(ids => ids.All(id => id > 0)).WithMessage("请选择有效的物业项目。");
        }
    }
}
