using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Web.Features.Referrals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>The referral's moves (政府转办; docs/decisions/0013-referrals.md), through the same load-decide-save as every move.</summary>
public sealed partial class ComplaintWorkflow
{
    /// <summary>登记转办 on a complaint registered without one.</summary>
    public Task<Complaint> RecordReferralAsync(long id, ReferralInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.Record, async (c, p, now) =>
        {
            var terms = await ReferralTermsAsync(input, id, cancellationToken)
                ?? throw InputValidationException.For(nameof(ReferralInput.SourceId), "请选择转办来源。");
            c.RecordReferral(terms, staff.Actor, now);
        }, cancellationToken);

    public Task<Complaint> SignForReferralAsync(long id, ReferralStepInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.SignFor,
            (c, p, now) => c.SignForReferral(input.At?.UtcDateTime, staff.Actor, now), cancellationToken);

    public Task<Complaint> RecordReferralFirstFeedbackAsync(long id, ReferralStepInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.FirstFeedback,
            (c, p, now) => c.RecordReferralFirstFeedback(input.Text ?? string.Empty, input.At?.UtcDateTime, staff.Actor, now), cancellationToken);

    public Task<Complaint> RecordReferralReplyAsync(long id, ReferralStepInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.Reply,
            (c, p, now) => c.RecordReferralReply(input.Text ?? string.Empty, input.At?.UtcDateTime, staff.Actor, now), cancellationToken);

    public Task<Complaint> RequestReferralExtensionAsync(long id, ReferralRequestInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.RequestExtension, (c, p, now) =>
        {
            var due = input.CompletionDue ?? throw InputValidationException.For(nameof(ReferralRequestInput.CompletionDue), "请填写申请的办结时限。");
            c.RequestReferralExtension(input.Reason!, due.UtcDateTime, staff.Actor, now);
        }, cancellationToken);

    public Task<Complaint> RequestReferralReturnAsync(long id, ReferralRequestInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.RequestReturn,
            (c, p, now) => c.RequestReferralReturn(input.Reason!, staff.Actor, now), cancellationToken);

    public Task<Complaint> DecideReferralRequestAsync(long id, ReferralDecisionInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.DecideRequest,
            (c, p, now) => c.DecideReferralRequest(input.Approved!.Value, input.Note, staff.Actor, now), cancellationToken);

    public Task<Complaint> RecordReferralSatisfactionAsync(long id, ReferralSatisfactionInput input, int? expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(id, input, expectedVersion, ReferralMove.RecordSatisfaction,
            (c, p, now) => c.RecordReferralSatisfaction(input.Satisfaction!.Value, input.Note, staff.Actor, now), cancellationToken);

    /// <summary>
    /// The referral's terms from what was typed: null when nothing was (no referral). Checks the shape, the source (in
    /// service), that the source's ticket number is not on another complaint, and fills the deadlines left empty from the
    /// source's defaults; the domain's own check runs here too, so a registration is refused before it is queued.
    /// </summary>
    private async Task<ReferralTerms?> ReferralTermsAsync(ReferralInput? input, long? complaintId, CancellationToken cancellationToken)
    {
        if (input is null || input.IsEmpty)
        {
            return null;
        }

        // At registration the referral is a part of the form: its fields are named Referral.X.
        var prefix = complaintId is null ? nameof(RegisterComplaintInput.Referral) + "." : string.Empty;
        var result = services.GetRequiredService<IValidator<ReferralInput>>().Validate(input);
        if (!result.IsValid)
        {
            throw new InputValidationException(result.Errors.GroupBy(e => prefix + e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        var source = await db.Set<ReferralSource>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.SourceId && s.IsActive, cancellationToken)
            ?? throw InputValidationException.For(prefix + nameof(ReferralInput.SourceId), "请选择有效的转办来源。");
        var ticket = input.TicketNumber!.Trim();
        var taken = await db.Complaints.AsNoTracking()
            .Where(c => c.Referral!.SourceId == source.Id && c.Referral.TicketNumber == ticket)
            .Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw InputValidationException.For(
                prefix + nameof(ReferralInput.TicketNumber), $"{source.Name}工单号 {ticket} 已登记在投诉 {taken}，请勿重复登记。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var terms = source.Defaults.Fill(input.ToTerms(source.Name, now));
        Referral.Check(terms, now);
        return terms;
    }
}
