using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ComplaintDesk.Web.Pages.Account;

/// <summary>登录: user name and password through <see cref="SignInGate"/> (one answer for every failure, throttled per
/// name and address); rate-limited per address.</summary>
[EnableRateLimiting(ServiceRegistration.SignInRateLimit)]
public sealed class LoginModel(SignInManager<StaffUser> signInManager, SignInGate gate, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), "请输入用户名。");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "请输入密码。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var check = await gate.CheckAsync(UserName!, Password!, HttpContext);
        switch (check)
        {
            case { Status: SignInStatus.Succeeded, User: { } user }:
                await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
                logger.LogInformation("User {UserName} signed in", user.UserName);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case { Status: SignInStatus.Inactive }:
                ModelState.AddModelError(string.Empty, SignInGate.InactiveMessage);
                return Page();
            case { Status: SignInStatus.Throttled }:
                ModelState.AddModelError(string.Empty, SignInGate.ThrottledMessage);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, SignInGate.FailedMessage);
                return Page();
        }
    }
}
