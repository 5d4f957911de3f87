using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>
/// 登记投诉: the intake form. The classification panel is the domain's <see cref="Classifier"/> on the facts
/// typed so far (a preview button without JavaScript, a page handler with it); saving registers through
/// <see cref="ComplaintWorkflow"/>, after offering an earlier complaint the complainant may be raising again.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class CreateModel(
    ComplaintDeskDbContext db,
    CurrentStaff staff,
    ProcedurePolicies policies,
    ComplaintWorkflow workflow,
    RepeatFinder repeats,
    IValidator<RegisterComplaintInput> validator,
    ComplaintQueries queries) : PageModel
{
    /// <summary>How many earlier complaints of a caller the form shows.</summary>
    public const int EarlierShown = 5;

    public const string FormPrefix = "Input";

    public const string ReferralPrefix = "Referral";

    public RegisterComplaintInput Input { get; set; } = new();

    public ClassificationResult? Classification { get; private set; }

    public IReadOnlyList<RepeatCandidate> Repeats { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Topics { get; private set; } = [];

    /// <summary>政府转办: filled when the complaint came as a referral (12345 热线 …); fields named Referral.X.</summary>
    public ReferralForm Referral { get; set; } = new();

    public IReadOnlyList<ReferralSource> ReferralSources { get; private set; } = [];

    /// <summary>The referral section starts open when something was typed in it (after a failed save).</summary>
    public bool ReferralOpen => Referral.SourceId is not null || !string.IsNullOrWhiteSpace(Referral.TicketNumber) || Referral.AnyTime;

    public string? Message { get; private set; }

    /// <summary>A fresh form starts on 投诉人; after a failed save site.js moves to the first bad field instead.</summary>
    public bool FocusFirstField => ModelState.ErrorCount == 0 && Repeats.Count == 0;

    public async Task OnGetAsync()
    {
        await LoadListsAsync();
        if (Projects.Count == 1)
        {
            Input.ProjectId = int.Parse(Projects[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The panel for the script: the same classifier on the facts in the query string, as HTML.</summary>
    public async Task<IActionResult> OnGetClassifyAsync()
    {
        await TryUpdateModelAsync<FactsInput>(Input, FormPrefix);
        return Partial("_Classification", await ClassifyAsync());
    }

    /// <summary>
    /// The caller's earlier complaints for the script, as HTML beside the form: typed phone (any way it is written),
    /// within the user's projects. Nothing for what is not yet a phone number.
    /// </summary>
    public async Task<IActionResult> OnGetEarlierAsync(string? phone)
    {
        if (phone is not { Length: > 0 and <= FieldLimits.Phone } || !PhoneNumber.TryParse(phone, out var number))
        {
            return Partial("_EarlierComplaints", new EarlierComplaintsView(null, [], null));
        }

        var earlier = await queries.EarlierByPhoneAsync(number, EarlierShown + 1, HttpContext.RequestAborted);
        var policy = await policies.GetAsync(HttpContext.RequestAborted);
        return Partial("_EarlierComplaints", new EarlierComplaintsView(number, earlier, policy.Calendar));
    }

    /// <summary>预览分类 without JavaScript: the form again with the classification; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await BindAsync();
        Classification = await ClassifyAsync();
        return await PageAsync();
    }

    /// <summary>保存: validate, offer repeat raises, register.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!await BindAndValidateAsync())
        {
            return await PageAsync();
        }

        var found = await repeats.FindAsync(Input, HttpContext.RequestAborted);
        if (found.Count > 0)
        {
            Repeats = found;
            Input.TimesRaisedUnresolved = RepeatFinder.NextTimesRaised(found, Input.TimesRaisedUnresolved);
            ModelState.Remove($"{FormPrefix}.{nameof(Input.TimesRaisedUnresolved)}");
            Message = "该投诉人近期已就同一位置、同一事项投诉过，请确认是重复反映还是新的投诉。";
            Classification = await ClassifyAsync();
            return await PageAsync();
        }

        return await RegisterAsync();
    }

    /// <summary>仍然登记为新投诉: the desk saw the earlier complaints and registers anyway.</summary>
    public async Task<IActionResult> OnPostNewAsync()
    {
        if (!await BindAndValidateAsync())
        {
            return await PageAsync();
        }

        return await RegisterAsync();
    }

    /// <summary>记录为 TSxxxx 的重复反映: counts a raise on the open complaint; nothing new is registered.</summary>
    public async Task<IActionResult> OnPostRepeatAsync(long repeatOf, int? repeatVersion)
    {
        await BindAsync();
        var note = string.IsNullOrWhiteSpace(Input.Content) ? null : $"业主再次反映：{Input.Content.Trim()}";
        if (note is { Length: > FieldLimits.Note })
        {
            note = note[..FieldLimits.Note];
        }

        try
        {
            var complaint = await workflow.RecordRepeatRaiseAsync(repeatOf, new NoteInput { Note = note }, repeatVersion, HttpContext.RequestAborted);
            TempData[DetailsModel.MessageKey] = $"已记录为 {complaint.Number} 的重复反映（第 {complaint.Facts.TimesRaisedUnresolved} 次反映），未登记新投诉。";
            return Redirect(DetailsModel.UrlOf(complaint.Id));
        }
        catch (ComplaintNotFoundException)
        {
            return NotFound();
        }
        catch (Exception ex) when (ex is DomainRuleException or ConcurrencyConflictException or InputValidationException)
        {
            ModelState.AddModelError(string.Empty, ex is InputValidationException ? "记录重复反映失败：" + ex.Message : ex.Message);
            Repeats = await repeats.FindAsync(Input, HttpContext.RequestAborted);
            Classification = await ClassifyAsync();
            return await PageAsync();
        }
    }

    private async Task<IActionResult> RegisterAsync()
    {
        try
        {
            var complaint = await workflow.RegisterAsync(Input, HttpContext.RequestAborted);
            TempData[DetailsModel.MessageKey] = $"投诉已登记，编号 {complaint.Number}。";
            return Redirect(DetailsModel.UrlOf(complaint.Id));
        }
        catch (InputValidationException ex)
        {
            // The referral's fields are named Referral.X on the form, beside Input.
            var referral = ex.Errors.Where(e => e.Key.StartsWith(ReferralPrefix + ".", StringComparison.Ordinal)).ToDictionary();
            DeskForms.AddErrors(ModelState, new InputValidationException(ex.Errors.Where(e => !referral.ContainsKey(e.Key)).ToDictionary()), FormPrefix);
            foreach (var (key, messages) in referral)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }
        catch (DomainRuleException ex)
        {
            // Another registration took the same ticket number at the same moment: said at the ticket number's field.
            ModelState.AddModelError(
                ex.RuleCode == RuleCodes.ReferralTicketTaken ? $"{ReferralPrefix}.{nameof(ReferralForm.TicketNumber)}" : string.Empty, ex.Message);
        }

        Classification = await ClassifyAsync();
        return await PageAsync();
    }

    private async Task BindAsync()
    {
        await TryUpdateModelAsync(Input, FormPrefix);
        await TryUpdateModelAsync(Referral, ReferralPrefix);
        var calendar = (await policies.GetAsync(HttpContext.RequestAborted)).Calendar;
        var referral = Referral.ToInput(calendar, ModelState, ReferralPrefix);
        if (referral.IsEmpty && Referral.AnyTime)
        {
            ModelState.AddModelError($"{ReferralPrefix}.{nameof(ReferralForm.SourceId)}", "填写了转办时间，请选择转办来源并填写转办工单号；不是转办投诉请清空转办时间。");
        }

        Input.Referral = referral.IsEmpty ? null : referral;
    }

    private async Task<bool> BindAndValidateAsync()
    {
        await BindAsync();
        var result = await validator.ValidateAsync(Input, HttpContext.RequestAborted);
        foreach (var error in result.Errors)
        {
            // A value the binder could not read already has its message; don't add the validator's as well.
            var key = $"{FormPrefix}.{error.PropertyName}";
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            ModelState.AddModelError(key, error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            Classification = await ClassifyAsync();
            return false;
        }

        return true;
    }

    private async Task<ClassificationResult?> ClassifyAsync()
    {
        if (!Input.CanClassify())
        {
            return null;
        }

        var policy = await policies.GetAsync(HttpContext.RequestAborted);
        return Classifier.Classify(Input.ToFacts(), policy.Classification);
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadListsAsync();
        return Page();
    }

    private async Task LoadListsAsync()
    {
        var projectIds = staff.ProjectIds.ToList();
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.IsActive && (staff.IsCompanyWide || projectIds.Contains(p.Id)))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(HttpContext.RequestAborted);
        Projects = projects.Select(p => new SelectListItem(p.Name, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Id).Select(t => new { t.Id, t.Name })
            .ToListAsync(HttpContext.RequestAborted);
        Topics = topics.Select(t => new SelectListItem(t.Name, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        ReferralSources = await db.ReferralSources.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).ToListAsync(HttpContext.RequestAborted);
    }
}

/// <summary>What the earlier-complaints panel shows: the phone read (null while it is not one yet) and its complaints.</summary>
public sealed record EarlierComplaintsView(PhoneNumber? Phone, IReadOnlyList<EarlierComplaint> Complaints, ComplaintDesk.Domain.Calendar.CompanyCalendar? Calendar);
