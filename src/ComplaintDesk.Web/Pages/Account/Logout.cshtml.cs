using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Account;

/// <summary>退出: ends every session and token of the account (a new security stamp), not only this cookie.</summary>
public sealed class LogoutModel(SignInManager<StaffUser> signInManager, SessionValidator sessions, ILogger<LogoutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.UserManager.GetUserAsync(User) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
            sessions.Forget(user.Id);
            logger.LogInformation("User {UserName} signed out; every session of the account ended", user.UserName);
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
