using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Account;

/// <summary>修改密码: five wrong current passwords refuse further tries for 15 minutes; a change ends every other session
/// and token of the account (Identity renews the security stamp; this cookie is renewed with it).</summary>
public sealed class ChangePasswordModel(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signInManager,
    FailureThrottle throttle,
    SessionValidator sessions,
    ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "请输入当前密码。");
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "请输入新密码。");
        }
        else if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "两次输入的新密码不一致。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var key = "change-password|" + user.Id;
        if (throttle.IsBlocked(key))
        {
            logger.LogWarning("Password change for {UserName} throttled", user.UserName);
            ModelState.AddModelError(nameof(CurrentPassword), "当前密码错误次数过多，请 15 分钟后再试。");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throttle.RecordFailure(key);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword);
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        throttle.Reset(key);
        sessions.Forget(user.Id);
        logger.LogInformation("User {UserName} changed their password; other sessions ended", user.UserName);
        await signInManager.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
