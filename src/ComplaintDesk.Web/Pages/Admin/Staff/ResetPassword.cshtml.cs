using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Admin.Staff;

/// <summary>重置密码: sets a new password, lifts a lockout and ends the person's open sessions.</summary>
public sealed class ResetPasswordModel(
    UserManager<StaffUser> users,
    WriteGate gate,
    Infrastructure.Security.SessionValidator sessions,
    IValidator<ResetPasswordModel.ResetPasswordInput> validator,
    ILogger<ResetPasswordModel> logger)
    : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public string UserName { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Show(user);
        if (!ModelState.Check(validator, Input))
        {
            return Page();
        }

        using (await gate.EnterAsync())
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, Input.NewPassword!);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(AdminForm.Key(nameof(ResetPasswordInput.NewPassword)), error.Description);
                }

                return Page();
            }

            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        }

        sessions.Forget(user.Id);

        logger.LogInformation("Password of {StaffUserName} reset by {UserName}", user.UserName, User.Identity?.Name);
        Done = true;
        Input = new ResetPasswordInput();
        return Page();
    }

    private void Show(StaffUser user)
    {
        UserName = user.UserName ?? string.Empty;
        DisplayName = user.DisplayName;
    }

    public sealed class ResetPasswordInput
    {
        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
    {
        public ResetPasswordInputValidator()
        {
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码。");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("两次输入的新密码不一致。");
        }
    }
}
