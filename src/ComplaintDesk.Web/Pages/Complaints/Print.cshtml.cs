using ComplaintDesk.Data;
using ComplaintDesk.Web.Features.Attachments;
using ComplaintDesk.Web.Features.Complaints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>投诉处理记录表: the complaint on one A4 page, without the site's navigation.</summary>
public sealed class PrintModel(
    DeskNames names, ProcedurePolicies policies, ComplaintQueries queries, AttachmentService attachments, TimeProvider clock) : PageModel
{
    /// <summary>Timeline rows that still fit on the one A4 page beside the record.</summary>
    public const int TimelineRows = 12;

    /// <summary>Longer texts are cut to fit the page; the sheet says where the whole text is.</summary>
    public const int LongText = 400;

    public ComplaintView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var view = await ComplaintView.LoadAsync(id, queries, names, policies, attachments, clock, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
