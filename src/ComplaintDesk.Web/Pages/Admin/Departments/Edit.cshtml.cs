using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Departments;

/// <summary>Adds (no id) or edits a department; deactivating keeps the complaints and topics that name it.</summary>
public sealed class EditModel(ComplaintDeskDbContext db, WriteGate gate, IValidator<EditModel.DepartmentInput> validator, ILogger<EditModel> logger)
    : PageModel
{
    [BindProperty]
    public DepartmentInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Active topics dispatched to this department by default (shown when deactivating).</summary>
    public IReadOnlyList<string> DefaultForTopics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            return Page();
        }

        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return NotFound();
        }

        await ShowAsync(department);
        Input = new DepartmentInput { Name = department.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Department? department = null;
        if (id is not null)
        {
            department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id);
            if (department is null)
            {
                return NotFound();
            }

            await ShowAsync(department);
        }

        Input.Name = AdminForm.Clean(Input.Name);
        if (!ModelState.Check(validator, Input))
        {
            return Page();
        }

        if (await db.Departments.AnyAsync(d => d.Name == Input.Name && d.Id != id))
        {
            return Duplicate();
        }

        department ??= db.Departments.Add(new Department()).Entity;
        department.Name = Input.Name!;
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
            if (await db.Departments.AsNoTracking().AnyAsync(d => d.Name == Input.Name && d.Id != department.Id))
            {
                return Duplicate();
            }

            throw;
        }

        logger.LogInformation("Department {DepartmentName} ({DepartmentId}) saved by {UserName}", department.Name, department.Id, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(int id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return NotFound();
        }

        department.IsActive = active;
        using (await gate.EnterAsync())
        {
            await db.SaveChangesAsync();
        }

        logger.LogInformation("Department {DepartmentName} active={IsActive} set by {UserName}", department.Name, active, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    private PageResult Duplicate()
    {
        ModelState.AddModelError(AdminForm.Key(nameof(DepartmentInput.Name)), $"部门 {Input.Name} 已存在。");
        return Page();
    }

    private async Task ShowAsync(Department department)
    {
        Id = department.Id;
        IsActive = department.IsActive;
        DefaultForTopics = await db.Topics.AsNoTracking()
            .Where(t => t.DefaultDepartmentId == department.Id && t.IsActive)
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync();
    }

    public sealed class DepartmentInput
    {
        public string? Name { get; set; }
    }

    public sealed class DepartmentInputValidator : AbstractValidator<DepartmentInput>
    {
        public DepartmentInputValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写部门名称。")
                .MaximumChars(Department.NameLength).WithMessage($"部门名称不能超过 {Department.NameLength} 个字。");
        }
    }
}
