using System.Reflection;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages;

/// <summary>关于: the version; also the load tests' trivial page (layout, no database).</summary>
public sealed class AboutModel(CurrentStaff staff) : PageModel
{
    public string Version { get; } = typeof(AboutModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    public string DisplayName => staff.DisplayName;

    public void OnGet()
    {
    }
}
