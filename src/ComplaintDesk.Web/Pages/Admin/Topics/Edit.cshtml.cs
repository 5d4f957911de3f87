using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Topics;

/// <summary>Adds (no id) or edits a topic and its default department; deactivating keeps its complaints.</summary>
public sealed class EditModel(ComplaintDeskDbContext db, WriteGate gate, IValidator<EditModel.TopicInput> validator, ILogger<EditModel> logger)
    : PageModel
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Active departments, plus the current default even when it has been deactivated.</summary>
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is not null)
        {
            var topic = await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id);
            if (topic is null)
            {
                return NotFound();
            }

            Id = topic.Id;
            IsActive = topic.IsActive;
            Input = new TopicInput { Name = topic.Name, DefaultDepartmentId = topic.DefaultDepartmentId };
        }

        await LoadDepartmentsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Topic? topic = null;
        if (id is not null)
        {
            topic = await db.Topics.SingleOrDefaultAsync(t => t.Id == id);
            if (topic is null)
            {
                return NotFound();
            }

            Id = topic.Id;
            IsActive = topic.IsActive;
        }

        Input.Name = AdminForm.Clean(Input.Name);
        var valid = ModelState.Check(validator, Input);
        if (valid && Input.DefaultDepartmentId is { } departmentId
            && departmentId != topic?.DefaultDepartmentId
            && !await db.Departments.AnyAsync(d => d.Id == departmentId && d.IsActive))
        {
            ModelState.AddModelError(AdminForm.Key(nameof(TopicInput.DefaultDepartmentId)), "请选择在用的责任部门。");
            valid = false;
        }

        if (valid && await db.Topics.AnyAsync(t => t.Name == Input.Name && t.Id != id))
        {
            Duplicate();
            valid = false;
        }

        if (!valid)
        {
            await LoadDepartmentsAsync();
            return Page();
        }

        topic ??= db.Topics.Add(new Topic()).Entity;
        topic.Name = Input.Name!;
        topic.DefaultDepartmentId = Input.DefaultDepartmentId;
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
            if (!await db.Topics.AsNoTracking().AnyAsync(t => t.Name == Input.Name && t.Id != topic.Id))
            {
                throw;
            }

            Duplicate();
            await LoadDepartmentsAsync();
            return Page();
        }

        logger.LogInformation("Topic {TopicName} ({TopicId}) saved by {UserName}", topic.Name, topic.Id, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(int id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Id == id);
        if (topic is null)
        {
            return NotFound();
        }

        topic.IsActive = active;
        using (await gate.EnterAsync())
        {
            await db.SaveChangesAsync();
        }

        logger.LogInformation("Topic {TopicName} active={IsActive} set by {UserName}", topic.Name, active, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    private void Duplicate() =>
        ModelState.AddModelError(AdminForm.Key(nameof(TopicInput.Name)), $"投诉事项 {Input.Name} 已存在。");

    private async Task LoadDepartmentsAsync()
    {
        var current = Input.DefaultDepartmentId;
        Departments = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive || d.Id == current)
            .OrderBy(d => d.Id).ToListAsync();
    }

    public sealed class TopicInput
    {
        public string? Name { get; set; }

        public int? DefaultDepartmentId { get; set; }
    }

    public sealed class TopicInputValidator : AbstractValidator<TopicInput>
    {
        public TopicInputValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写投诉事项名称。")
                .MaximumChars(Topic.NameLength).WithMessage($"投诉事项名称不能超过 {Topic.NameLength} 个字。");
            RuleFor(x => x.DefaultDepartmentId).GreaterThan(0).WithMessage("请选择有效的责任部门。");
        }
    }
}
