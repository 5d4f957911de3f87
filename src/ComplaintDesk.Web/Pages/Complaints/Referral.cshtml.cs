using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Web.Features.Attachments;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Referrals;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>
/// 政府转办 of one complaint: the referral and a form for each referral move this person may make (the details page shows
/// the same card; its forms post here). A move that works goes back to the details page; one refused is shown here
/// again with what was typed and why.
/// </summary>
public sealed class ReferralModel(
    ComplaintDeskDbContext db,
    DeskNames names,
    CurrentStaff staff,
    ProcedurePolicies policies,
    ComplaintQueries queries,
    ComplaintWorkflow workflow,
    AttachmentService attachments,
    IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    public ComplaintView View { get; private set; } = null!;

    public ReferralPanel Panel { get; private set; } = null!;

    public string? Error { get; private set; }

    public bool Conflict { get; private set; }

    public static string UrlOf(long id) => string.Create(CultureInfo.InvariantCulture, $"/Complaints/{id}/Referral");

    public Task<IActionResult> OnGetAsync(long id) => ShowAsync(id, null, new PanelForms());

    public Task<IActionResult> OnPostRecordAsync(long id) =>
        MoveAsync(id, ReferralMove.Record, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.Record, nameof(ReferralMove.Record));
            var input = forms.Record.ToInput(calendar, ModelState, nameof(ReferralMove.Record));
            return ModelState.IsValid ? await workflow.RecordReferralAsync(id, input, version, ct) : null;
        });

    public Task<IActionResult> OnPostSignForAsync(long id) =>
        MoveAsync(id, ReferralMove.SignFor, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.SignFor, nameof(ReferralMove.SignFor));
            var input = forms.SignFor.ToInput(calendar, ModelState, nameof(ReferralMove.SignFor));
            return ModelState.IsValid ? await workflow.SignForReferralAsync(id, input, version, ct) : null;
        });

    public Task<IActionResult> OnPostFirstFeedbackAsync(long id) =>
        MoveAsync(id, ReferralMove.FirstFeedback, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.FirstFeedback, nameof(ReferralMove.FirstFeedback));
            var input = forms.FirstFeedback.ToInput(calendar, ModelState, nameof(ReferralMove.FirstFeedback));
            return ModelState.IsValid ? await workflow.RecordReferralFirstFeedbackAsync(id, input, version, ct) : null;
        });

    public Task<IActionResult> OnPostReplyAsync(long id) =>
        MoveAsync(id, ReferralMove.Reply, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.Reply, nameof(ReferralMove.Reply));
            var input = forms.Reply.ToInput(calendar, ModelState, nameof(ReferralMove.Reply));
            return ModelState.IsValid ? await workflow.RecordReferralReplyAsync(id, input, version, ct) : null;
        });

    public Task<IActionResult> OnPostRequestExtensionAsync(long id) =>
        MoveAsync(id, ReferralMove.RequestExtension, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.RequestExtension, nameof(ReferralMove.RequestExtension));
            var input = forms.RequestExtension.ToInput(calendar, ModelState, nameof(ReferralMove.RequestExtension));
            return ModelState.IsValid ? await workflow.RequestReferralExtensionAsync(id, input, version, ct) : null;
        });

    public Task<IActionResult> OnPostRequestReturnAsync(long id) =>
        MoveAsync(id, ReferralMove.RequestReturn, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.RequestReturn, nameof(ReferralMove.RequestReturn));
            var input = forms.RequestReturn.ToInput(calendar, ModelState, nameof(ReferralMove.RequestReturn));
            return ModelState.IsValid ? await workflow.RequestReferralReturnAsync(id, input, version, ct) : null;
        });

    public Task<IActionResult> OnPostDecideRequestAsync(long id) =>
        MoveAsync(id, ReferralMove.DecideRequest, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.DecideRequest, nameof(ReferralMove.DecideRequest));
            return ModelState.IsValid ? await workflow.DecideReferralRequestAsync(id, forms.DecideRequest, version, ct) : null;
        });

    public Task<IActionResult> OnPostRecordSatisfactionAsync(long id) =>
        MoveAsync(id, ReferralMove.RecordSatisfaction, async (forms, calendar, version, ct) =>
        {
            await TryUpdateModelAsync(forms.RecordSatisfaction, nameof(ReferralMove.RecordSatisfaction));
            return ModelState.IsValid ? await workflow.RecordReferralSatisfactionAsync(id, forms.RecordSatisfaction, version, ct) : null;
        });

    /// <summary>The referral card of <paramref name="view"/>'s complaint for <paramref name="actor"/>, with empty forms.</summary>
    public static async Task<ReferralPanel> PanelAsync(ComplaintDeskDbContext db, ComplaintView view, Actor actor, CancellationToken cancellationToken) =>
        await PanelAsync(db, view, actor, null, new PanelForms(), cancellationToken);

    private static async Task<ReferralPanel> PanelAsync(
        ComplaintDeskDbContext db, ComplaintView view, Actor actor, string? openForm, PanelForms forms, CancellationToken cancellationToken)
    {
        var allowed = ReferralMoves.Allowed(view.Complaint, actor);
        IReadOnlyList<ReferralSource> sources = allowed.Contains(ReferralMove.Record)
            ? await db.Set<ReferralSource>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).ToListAsync(cancellationToken)
            : [];
        return new ReferralPanel(
            view.Complaint, view.Policy.Calendar, view.Now, allowed, sources, openForm, forms.Record, forms.SignFor, forms.FirstFeedback,
            forms.Reply, forms.RequestExtension, forms.RequestReturn, forms.DecideRequest, forms.RecordSatisfaction);
    }

    private async Task<IActionResult> MoveAsync(
        long id, ReferralMove move, Func<PanelForms, Domain.Calendar.CompanyCalendar, int?, CancellationToken, Task<Complaint?>> apply)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Desk)).Succeeded)
        {
            return Forbid();
        }

        var label = ReferralMoves.RuleFor(move).Label;
        var forms = new PanelForms();
        var calendar = (await policies.GetAsync(HttpContext.RequestAborted)).Calendar;
        try
        {
            if (await apply(forms, calendar, ExpectedVersion(), HttpContext.RequestAborted) is { } complaint)
            {
                TempData[DetailsModel.MessageKey] = $"{label}已保存（{complaint.Number}）。";
                return Redirect(DetailsModel.UrlOf(id));
            }
        }
        catch (ComplaintNotFoundException)
        {
            return NotFound();
        }
        catch (InputValidationException ex)
        {
            DeskForms.AddErrors(ModelState, ex, move.ToString());
        }
        catch (DomainRuleException ex)
        {
            Error = $"{label}未保存：{ex.Message}";
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            Error = $"{label}未保存：{ex.Message}下面显示的是最新状态。";
            return await ShowAsync(id, null, new PanelForms());
        }

        Error ??= $"{label}未保存：请按提示修改后重新提交。";
        return await ShowAsync(id, move.ToString(), forms);
    }

    private int? ExpectedVersion() =>
        int.TryParse(Request.Form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private async Task<IActionResult> ShowAsync(long id, string? openForm, PanelForms forms)
    {
        var view = await ComplaintView.LoadAsync(id, queries, names, policies, attachments, clock, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Panel = await PanelAsync(db, view, staff.Actor, openForm, forms, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The forms of the referral card (what was typed, after a refusal).</summary>
    public sealed class PanelForms
    {
        public ReferralForm Record { get; } = new();

        public ReferralStepForm SignFor { get; } = new();

        public ReferralStepForm FirstFeedback { get; } = new();

        public ReferralStepForm Reply { get; } = new();

        public ReferralRequestForm RequestExtension { get; } = new();

        public ReferralRequestForm RequestReturn { get; } = new();

        public ReferralDecisionInput DecideRequest { get; } = new();

        public ReferralSatisfactionInput RecordSatisfaction { get; } = new();
    }
}
