using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.ReferralSources;

/// <summary>Adds (no id) or edits a referral source and its default deadlines; deactivating keeps the referrals that name it.</summary>
public sealed class EditModel(ComplaintDeskDbContext db, WriteGate gate, IValidator<EditModel.SourceInput> validator, ILogger<EditModel> logger)
    : PageModel
{
    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsActive { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            return Page();
        }

        var source = await db.ReferralSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (source is null)
        {
            return NotFound();
        }

        (Id, IsActive) = (source.Id, source.IsActive);
        Input = new SourceInput
        {
            Name = source.Name,
            SignForHours = source.SignForHours,
            FirstFeedbackHours = source.FirstFeedbackHours,
            CompletionHours = source.CompletionHours,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        ReferralSource? source = null;
        if (id is not null)
        {
            source = await db.ReferralSources.SingleOrDefaultAsync(s => s.Id == id);
            if (source is null)
            {
                return NotFound();
            }

            (Id, IsActive) = (source.Id, source.IsActive);
        }

        Input.Name = AdminForm.Clean(Input.Name);
        if (!ModelState.Check(validator, Input))
        {
            return Page();
        }

        if (await db.ReferralSources.AnyAsync(s => s.Name == Input.Name && s.Id != id))
        {
            return Duplicate();
        }

        source ??= db.ReferralSources.Add(new ReferralSource()).Entity;
        source.Name = Input.Name!;
        source.SignForHours = Input.SignForHours;
        source.FirstFeedbackHours = Input.FirstFeedbackHours;
        source.CompletionHours = Input.CompletionHours;
        try
        {
            using (await gate.EnterAsync())
            {
                await db.SaveChangesAsync();
            }
        }
        catch (DbUpdateException)
        {
            if (await db.ReferralSources.AsNoTracking().AnyAsync(s => s.Name == Input.Name && s.Id != source.Id))
            {
                return Duplicate();
            }

            throw;
        }

        logger.LogInformation("Referral source {SourceName} ({SourceId}) saved by {UserName}", source.Name, source.Id, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(int id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var source = await db.ReferralSources.SingleOrDefaultAsync(s => s.Id == id);
        if (source is null)
        {
            return NotFound();
        }

        source.IsActive = active;
        using (await gate.EnterAsync())
        {
            await db.SaveChangesAsync();
        }

        logger.LogInformation("Referral source {SourceName} active={IsActive} set by {UserName}", source.Name, active, User.Identity?.Name);
        return RedirectToPage("Index", new { saved = true });
    }

    private PageResult Duplicate()
    {
        ModelState.AddModelError(AdminForm.Key(nameof(SourceInput.Name)), $"转办来源 {Input.Name} 已存在。");
        return Page();
    }

    public sealed class SourceInput
    {
        public string? Name { get; set; }

        public int? SignForHours { get; set; }

        public int? FirstFeedbackHours { get; set; }

        public int? CompletionHours { get; set; }
    }

    public sealed class SourceInputValidator : AbstractValidator<SourceInput>
    {
        public SourceInputValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写来源名称。")
                .MaximumChars(ReferralSource.NameLength).WithMessage($"来源名称不能超过 {ReferralSource.NameLength} 个字。");
            RuleFor(x => x.SignForHours).InclusiveBetween(1, ReferralSource.MaxHours).WithMessage(Range("签收时限"));
            RuleFor(x => x.FirstFeedbackHours).InclusiveBetween(1, ReferralSource.MaxHours).WithMessage(Range("首次反馈时限"));
            RuleFor(x => x.CompletionHours).InclusiveBetween(1, ReferralSource.MaxHours).WithMessage(Range("办结时限"));
        }

        private static string Range(string name) => $"{name}须在 1 到 {ReferralSource.MaxHours} 小时之间；没有默认时限请留空。";
    }
}
