using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Projects;

/// <summary>Adds (no id) or edits a project; deactivating keeps its complaints and staff assignments.</summary>
public sealed class EditModel(ComplaintDeskDbContext db, WriteGate gate, IValidator<EditModel.ProjectInput> validator, ILogger<EditModel> logger)
    : PageModel
{
    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsActive { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            return Page();
        }

        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (project is null)
        {
            return NotFound();
        }

        Show(project);
        Input = new ProjectInput { Code = project.Code, Name = project.Name, Address = project.Address };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Project? project = null;
        if (id is not null)
        {
            project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id);
            if (project is null)
            {
                return NotFound();
            }

            Show(project);
        }

        Input.Code = AdminForm.Clean(Input.Code)?.ToUpperInvariant();
        Input.Name = AdminForm.Clean(Input.Name);
        Input.Address = AdminForm.Clean(Input.Address);
        if (!ModelState.Check(validator, Input))
        {
            return Page();
        }

        if (await db.Projects.AnyAsync(p => p.Code == Input.Code && p.Id != id))
        {
            return Duplicate();
        }

        project ??= db.Projects.Add(new Project()).Entity;
        project.Code = Input.Code!;
        project.Name = Input.Name!;
        project.Address = Input.Address;
        try
        {
            using (await gate.EnterAsync())
            {
                await db.SaveChangesAsync();
            }
        }
        catch (DbUpdateException)
        {
            // Someone else took the name between the check and the save.
            if (await db.Projects.AsNoTracking().AnyAsync(p => p.Code == Input.Code && p.Id != project.Id))
            {
                return Duplicate();
            }

            throw;
        }

        logger.LogInformation("Project {ProjectCode} ({ProjectId}) saved by {UserName}", project.Code, project.Id, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(int id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id);
        if (project is null)
        {
            return NotFound();
        }

        project.IsActive = active;
        using (await gate.EnterAsync())
        {
            await db.SaveChangesAsync();
        }

        logger.LogInformation("Project {ProjectCode} active={IsActive} set by {UserName}", project.Code, active, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    private PageResult Duplicate()
    {
        ModelState.AddModelError(AdminForm.Key(nameof(ProjectInput.Code)), $"项目编码 {Input.Code} 已被其他项目使用。");
        return Page();
    }

    private void Show(Project project)
    {
        Id = project.Id;
        IsActive = project.IsActive;
    }

    public sealed class ProjectInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Address { get; set; }
    }

    public sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
    {
        public ProjectInputValidator()
        {
            RuleFor(x => x.Code).NotEmpty().WithMessage("请填写项目编码。")
                .MaximumLength(Project.CodeLength).WithMessage($"项目编码不能超过 {Project.CodeLength} 个字符。")
                .Matches("^[A-Za-z0-9_-]+$").WithMessage("项目编码只能包含字母、数字、- 和 _。");
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写项目名称。")
                .MaximumChars(Project.NameLength).WithMessage($"项目名称不能超过 {Project.NameLength} 个字。");
            RuleFor(x => x.Address).MaximumChars(Project.AddressLength).WithMessage($"地址不能超过 {Project.AddressLength} 个字。");
        }
    }
}
