using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Attachments;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>
/// 投诉详情: everything about one complaint, and a small form for each move the lifecycle table allows
/// this person now. Every move goes through <see cref="ComplaintWorkflow"/> with the version the page was
/// drawn from, so a change made meanwhile by someone else is reported, never overwritten.
/// </summary>
public sealed partial class DetailsModel(
    ComplaintDeskDbContext db,
    DeskNames names,
    CurrentStaff staff,
    ProcedurePolicies policies,
    ComplaintQueries queries,
    ComplaintWorkflow workflow,
    AttachmentService attachments,
    ProjectStaff projectStaff,
    IAuthorizationService authorization,
    TimeProvider clock,
    ILogger<DetailsModel> logger) : PageModel
{
    public const string MessageKey = "DeskMessage";
    public const string UploadField = "File";

    /// <summary>The follow-up form's 回访时间, a local date and time (the company's zone) converted before the move.</summary>
    public const string AttemptTimeField = "FollowUpAttemptTime";

    public ComplaintView View { get; private set; } = null!;

    public IReadOnlyList<ComplaintMove> Moves { get; private set; } = [];

    /// <summary>What was just done (after a redirect).</summary>
    public string? Message { get; private set; }

    /// <summary>Why the last move was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>The last move failed because someone else changed the complaint first.</summary>
    public bool Conflict { get; private set; }

    /// <summary>The form to show open again (the one that failed).</summary>
    public string? OpenForm { get; private set; }

    public bool CanUpload { get; private set; }

    /// <summary>Why this person may not record the follow-up the complaint awaits (the follow-up rules), or null.</summary>
    public string? FollowUpBlocked { get; private set; }

    /// <summary>回访时间 as typed (kept when the form failed).</summary>
    public string? AttemptTime { get; private set; }

    public long MaxAttachmentBytes => attachments.MaxBytes;

    public DispatchInput Dispatch { get; set; } = new();

    public DispatchInput Reassign { get; set; } = new();

    public NoteInput RecordProgress { get; set; } = new();

    public NoteInput PutOnHold { get; set; } = new();

    public NoteInput Resume { get; set; } = new();

    public NoteInput Resolve { get; set; } = new();

    public FollowUpInput RecordFollowUp { get; set; } = new();

    public NoteInput CloseUnreachable { get; set; } = new();

    public NoteInput Reopen { get; set; } = new();

    public ReclassifyInput Reclassify { get; set; } = new();

    public WithdrawInput Withdraw { get; set; } = new();

    public NoteInput RecordRepeatRaise { get; set; } = new();

    public HandOverInput HandOver { get; set; } = new();

    /// <summary>The 政府转办 card: the referral and its moves (their forms post to <see cref="ReferralModel"/>).</summary>
    public ReferralPanel Referral { get; private set; } = null!;

    /// <summary>Who the complaint can be handed over to (转交), when this person may hand it over.</summary>
    public IReadOnlyList<StaffChoice> StaffChoices { get; private set; } = [];

    public static string UrlOf(long id) => string.Create(CultureInfo.InvariantCulture, $"/Complaints/{id}");

    public Task<IActionResult> OnGetAsync(long id) => ShowAsync(id);

    /// <summary>Downloads an attachment; 404 when the complaint is not this person's to see.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long id, long attachmentId)
    {
        var opened = await attachments.OpenAsync(id, attachmentId, HttpContext.RequestAborted);
        if (opened is not { } file)
        {
            return NotFound();
        }

        return File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
    }

    /// <summary>
    /// The reclassify form's live result (the details page and the escalation review page both ask here): what
    /// 重新分类 with the answers so far would make of this complaint — with its days unresolved and its incident's
    /// complainants, as the move itself counts them. Nothing is saved; empty while the answers are incomplete.
    /// </summary>
    public async Task<IActionResult> OnGetClassifyAsync(long id)
    {
        var aborted = HttpContext.RequestAborted;
        var complaint = await queries.FindAsync(id, aborted);
        if (complaint is null)
        {
            return NotFound();
        }

        await TryUpdateModelAsync<FactsInput>(Reclassify, nameof(Reclassify));
        if (!Reclassify.CanClassify())
        {
            return Partial("_Classification", null);
        }

        var policy = await policies.GetAsync(aborted);
        return Partial("_Classification", complaint.PreviewReclassification(Reclassify.ToFacts(), clock.GetUtcNow().UtcDateTime, policy.Classification));
    }

    public async Task<IActionResult> OnPostUploadAsync(long id)
    {
        if (!await IsDeskAsync())
        {
            return Forbid();
        }

        IFormFile? file;
        try
        {
            file = Request.HasFormContentType ? (await Request.ReadFormAsync(HttpContext.RequestAborted)).Files.GetFile(UploadField) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // Beyond the server's own form limits: say so instead of failing the request.
            ModelState.AddModelError(UploadField, $"附件不能超过 {DeskForms.Size(attachments.MaxBytes)}。");
            Error = "附件未上传：" + DeskForms.ErrorOf(ModelState, UploadField);
            return await ShowAsync(id);
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(UploadField, "请选择要上传的文件。");
            return await ShowAsync(id);
        }

        try
        {
            await using var content = file.OpenReadStream();
            var added = await attachments.AddAsync(id, file.FileName, file.Length, content, HttpContext.RequestAborted);
            TempData[MessageKey] = $"附件「{added.FileName}」已上传。";
            return Redirect(UrlOf(id));
        }
        catch (ComplaintNotFoundException)
        {
            return NotFound();
        }
        catch (InputValidationException ex)
        {
            foreach (var message in ex.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(UploadField, message);
            }
        }
        catch (AttachmentTooLargeException ex)
        {
            ModelState.AddModelError(UploadField, ex.Message);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError(UploadField, "同时有其他附件在上传，请重试。");
        }

        Error = "附件未上传：" + DeskForms.ErrorOf(ModelState, UploadField);
        return await ShowAsync(id);
    }

    public Task<IActionResult> OnPostDispatchAsync(long id) =>
        MoveAsync(id, ComplaintMove.Dispatch, Dispatch, (input, version, ct) => workflow.DispatchAsync(id, input, version, ct));

    public Task<IActionResult> OnPostReassignAsync(long id) =>
        MoveAsync(id, ComplaintMove.Reassign, Reassign, (input, version, ct) => workflow.ReassignAsync(id, input, version, ct));

    public Task<IActionResult> OnPostRecordProgressAsync(long id) =>
        MoveAsync(id, ComplaintMove.RecordProgress, RecordProgress, (input, version, ct) => workflow.RecordProgressAsync(id, input, version, ct));

    public Task<IActionResult> OnPostPutOnHoldAsync(long id) =>
        MoveAsync(id, ComplaintMove.PutOnHold, PutOnHold, (input, version, ct) => workflow.PutOnHoldAsync(id, input, version, ct));

    public Task<IActionResult> OnPostResumeAsync(long id) =>
        MoveAsync(id, ComplaintMove.Resume, Resume, (input, version, ct) => workflow.ResumeAsync(id, input, version, ct));

    public Task<IActionResult> OnPostResolveAsync(long id) =>
        MoveAsync(id, ComplaintMove.Resolve, Resolve, (input, version, ct) => workflow.ResolveAsync(id, input, version, ct));

    public async Task<IActionResult> OnPostRecordFollowUpAsync(long id)
    {
        AttemptTime = Request.HasFormContentType ? Request.Form[AttemptTimeField].ToString().Trim() : null;
        DateTimeOffset? attemptedAt = null;
        if (!string.IsNullOrEmpty(AttemptTime))
        {
            if (!DateTime.TryParseExact(AttemptTime, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
            {
                ModelState.AddModelError(AttemptTimeField, "回访时间格式不对，请按 年-月-日 时:分 填写。");
                Error = "回访未保存：" + DeskForms.ErrorOf(ModelState, AttemptTimeField);
                OpenForm = nameof(RecordFollowUp);
                await TryUpdateModelAsync(RecordFollowUp, nameof(RecordFollowUp));
                return await ShowAsync(id);
            }

            var calendar = (await policies.GetAsync(HttpContext.RequestAborted)).Calendar;
            attemptedAt = new DateTimeOffset(calendar.ToUtc(local), TimeSpan.Zero);
        }

        return await MoveAsync(id, ComplaintMove.RecordFollowUp, RecordFollowUp, (input, version, ct) =>
        {
            input.AttemptedAt = attemptedAt;
            return workflow.RecordFollowUpAsync(id, input, version, ct);
        });
    }

    public Task<IActionResult> OnPostCloseUnreachableAsync(long id) =>
        MoveAsync(id, ComplaintMove.CloseUnreachable, CloseUnreachable, (input, version, ct) => workflow.CloseUnreachableAsync(id, input, version, ct));

    public Task<IActionResult> OnPostReopenAsync(long id) =>
        MoveAsync(id, ComplaintMove.Reopen, Reopen, (input, version, ct) => workflow.ReopenAsync(id, input, version, ct));

    public Task<IActionResult> OnPostReclassifyAsync(long id) =>
        MoveAsync(id, ComplaintMove.Reclassify, Reclassify, (input, version, ct) => workflow.ReclassifyAsync(id, input, version, ct));

    public Task<IActionResult> OnPostWithdrawAsync(long id) =>
        MoveAsync(id, ComplaintMove.Withdraw, Withdraw, (input, version, ct) => workflow.WithdrawAsync(id, input, version, ct));

    public Task<IActionResult> OnPostHandOverAsync(long id) =>
        MoveAsync(id, ComplaintMove.HandOver, HandOver, (input, version, ct) => workflow.HandOverAsync(id, input, version, ct));

    public Task<IActionResult> OnPostRecordRepeatRaiseAsync(long id) =>
        MoveAsync(id, ComplaintMove.RecordRepeatRaise, RecordRepeatRaise, (input, version, ct) => workflow.RecordRepeatRaiseAsync(id, input, version, ct));

    private async Task<IActionResult> MoveAsync<TInput>(long id, ComplaintMove move, TInput input, Func<TInput, int?, CancellationToken, Task<Complaint>> apply)
        where TInput : class
    {
        if (!await MayMoveAsync(move))
        {
            return Forbid();
        }

        var prefix = move.ToString();
        var label = Lifecycle.RuleFor(move).Label;
        await TryUpdateModelAsync(input, prefix);
        if (ModelState.IsValid)
        {
            try
            {
                var complaint = await apply(input, ExpectedVersion(), HttpContext.RequestAborted);
                TempData[MessageKey] = $"{label}已保存（{complaint.Number}，当前状态：{ComplaintLabels.Of(complaint.Status)}）。";
                return Redirect(UrlOf(id));
            }
            catch (ComplaintNotFoundException)
            {
                return NotFound();
            }
            catch (InputValidationException ex)
            {
                DeskForms.AddErrors(ModelState, ex, prefix);
            }
            catch (DomainRuleException ex)
            {
                Error = $"{label}未保存：{ex.Message}";
                if (ex.RuleCode is RuleCodes.ReasonRequired or RuleCodes.InvalidInput && input is NoteInput)
                {
                    ModelState.AddModelError($"{prefix}.{nameof(NoteInput.Note)}", ex.Message);
                }
                else if (ex.RuleCode == RuleCodes.FollowUpAttemptTime)
                {
                    ModelState.AddModelError(AttemptTimeField, ex.Message);
                }
            }
            catch (ConcurrencyConflictException ex)
            {
                logger.LogInformation("{Move} on complaint {ComplaintNumber} refused: changed meanwhile", move, ex.ComplaintNumber);
                Conflict = true;
                Error = $"{label}未保存：{ex.Message}下面显示的是最新状态。";
                return await ShowAsync(id);
            }
        }

        Error ??= $"{label}未保存：请按提示修改后重新提交。";
        OpenForm = prefix;
        return await ShowAsync(id);
    }

    private int? ExpectedVersion() =>
        int.TryParse(Request.Form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private async Task<bool> IsDeskAsync() => (await authorization.AuthorizeAsync(User, Policies.Desk)).Succeeded;

    private async Task<IActionResult> ShowAsync(long id)
    {
        var view = await ComplaintView.LoadAsync(id, queries, names, policies, attachments, clock, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        var complaint = view.Complaint;
        Moves = complaint.AllowedMoves(staff.Actor, view.Policy.TimeLimits, view.Policy.FollowUps, view.Policy.Calendar);
        Referral = await ReferralModel.PanelAsync(db, view, staff.Actor, HttpContext.RequestAborted);
        CanUpload = await IsDeskAsync();
        Message = TempData[MessageKey] as string;

        // Forms start from the complaint as it is; a form that failed keeps what was typed.
        if (OpenForm != nameof(Dispatch))
        {
            Dispatch = new DispatchInput { DepartmentId = complaint.DepartmentId ?? view.TopicDefaultDepartmentId, ExternalParty = complaint.ExternalParty };
        }

        if (OpenForm != nameof(Reassign))
        {
            Reassign = new DispatchInput { DepartmentId = complaint.DepartmentId, AssigneeName = complaint.AssigneeName, ExternalParty = complaint.ExternalParty };
        }

        if (Moves.Contains(ComplaintMove.HandOver))
        {
            StaffChoices = await projectStaff.ForProjectAsync(complaint.ProjectId, HttpContext.RequestAborted);
        }

        if (OpenForm != nameof(RecordFollowUp))
        {
            RecordFollowUp = new FollowUpInput { PhoneCalled = complaint.Phone };
        }

        if (complaint.Status == ComplaintStatus.Resolved && Lifecycle.Refusal(ComplaintMove.RecordFollowUp, complaint.Status, staff.Actor) is null
            && complaint.FollowUpRefusal(staff.Actor, view.Policy.FollowUps) is { } refusal)
        {
            FollowUpBlocked = refusal.Message;
        }

        PrepareInvestigationForms(complaint);
        if (OpenForm != nameof(Reclassify))
        {
            var facts = complaint.Facts;
            Reclassify = ReclassifyInput.From(facts);
        }

        return Page();
    }
}
