using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ComplaintDesk.Web.Pages.Account;

/// <summary>登录: user name and password; locked for 15 minutes after 5 failures; rate-limited per address.</summary>
[EnableRateLimiting(ServiceRegistration.SignInRateLimit)]
public sealed class LoginModel(SignInManager<StaffUser> signInManager, ILogger<LoginModel> logger) : PageModel
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

        var user = await signInManager.UserManager.FindByNameAsync(UserName!.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError(string.Empty, "该账号已停用，请联系系统管理员。");
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(UserName.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} is locked out", UserName);
            ModelState.AddModelError(string.Empty, "登录失败次数过多，账号已锁定 15 分钟，请稍后再试。");
            return Page();
        }

        ModelState.AddModelError(string.Empty, "用户名或密码不正确。");
        return Page();
    }
}
