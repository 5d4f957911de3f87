using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Escalations.Incidents;

/// <summary>One incident: its complaints, the distinct complainants, suggested candidates, link and unlink.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class DetailsModel(IncidentService incidents, ProcedurePolicies policies, CurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public long ComplaintId { get; set; }

    /// <summary>The candidates ticked for 关联所选.</summary>
    [BindProperty]
    public List<long> ComplaintIds { get; set; } = [];

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Why a complaint of another topic or outside the group window belongs to the incident all the same.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IncidentView View { get; private set; } = null!;

    public bool CanAct => staff.IsInRole(Roles.Supervisor);

    public ProcedurePolicy Policy { get; private set; } = null!;

    public string Local(DateTime utc) => Policy.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken) =>
        ActAsync("已关联。", () => incidents.LinkAsync(Id, ComplaintId, null, cancellationToken), cancellationToken);

    /// <summary>关联所选: every ticked candidate in one action (all or none), counted together.</summary>
    public Task<IActionResult> OnPostLinkSelectedAsync(CancellationToken cancellationToken) =>
        ActAsync(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"已关联 {ComplaintIds.Distinct().Count()} 件投诉，分类已按全部投诉人重新计算。"),
            () => incidents.LinkManyAsync(Id, ComplaintIds, Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostLinkNumberAsync(CancellationToken cancellationToken) =>
        ActAsync("已关联。", () => incidents.LinkByNumberAsync(Id, Number, Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(CancellationToken cancellationToken) =>
        ActAsync("已取消关联，相关分类已按剩余投诉人重新计算。", () => incidents.UnlinkAsync(Id, ComplaintId, Note, cancellationToken), cancellationToken);

    public static string StatusLabel(ComplaintStatus status) => Lifecycle.LabelOf(status);

    private async Task<IActionResult> ActAsync(string done, Func<Task> action, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        try
        {
            await action();
            Message = done;
            return Redirect($"/Escalations/Incidents/Details/{Id}");
        }
        catch (Exception ex) when (ex is IncidentNotFoundException or ComplaintNotFoundException)
        {
            return NotFound();
        }
        catch (InputValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                ModelState.AddModelError(field, messages.FirstOrDefault() ?? ex.Message);
            }
        }
        catch (Exception ex) when (ex is DomainRuleException or ConcurrencyConflictException)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Policy = await policies.GetAsync(cancellationToken);
            View = await incidents.GetAsync(Id, cancellationToken);
            return true;
        }
        catch (IncidentNotFoundException)
        {
            return false;
        }
    }
}
