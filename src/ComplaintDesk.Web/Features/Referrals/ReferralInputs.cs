using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;

namespace ComplaintDesk.Web.Features.Referrals;

/// <summary>
/// 政府转办 as entered at registration or on the details page. Deadlines left out take the source's defaults (转办来源 in
/// 系统管理); times are instants (the pages convert 北京时间).
/// </summary>
public sealed class ReferralInput
{
    /// <summary>转办来源: an id of GET /api/v1/referral-sources.</summary>
    public int? SourceId { get; set; }

    /// <summary>转办工单号: the referring body's own number; unique per source.</summary>
    public string? TicketNumber { get; set; }

    /// <summary>接收时间: when the referring body sent it; now when left out.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>签收时限; the source's default when left out.</summary>
    public DateTimeOffset? SignForDue { get; set; }

    /// <summary>首次反馈时限; the source's default when left out.</summary>
    public DateTimeOffset? FirstFeedbackDue { get; set; }

    /// <summary>办结时限; the source's default when left out.</summary>
    public DateTimeOffset? CompletionDue { get; set; }

    /// <summary>签收时间, when already signed for on the referring body's platform.</summary>
    public DateTimeOffset? SignedForAt { get; set; }

    /// <summary>Nothing typed: no referral (the registration form's section left empty).</summary>
    public bool IsEmpty => SourceId is null && string.IsNullOrWhiteSpace(TicketNumber);

    public ReferralTerms ToTerms(string sourceName, DateTime now) => new(
        SourceId ?? 0, sourceName, TicketNumber ?? string.Empty, ReceivedAt?.UtcDateTime ?? now,
        SignForDue?.UtcDateTime, FirstFeedbackDue?.UtcDateTime, CompletionDue?.UtcDateTime, SignedForAt?.UtcDateTime);
}

/// <summary>签收, 首次反馈, 办结反馈: when it happened (now when left out) and, for the last two, what was said.</summary>
public sealed class ReferralStepInput
{
    /// <summary>首次反馈 or 办结反馈: the text given to the referring body.</summary>
    public string? Text { get; set; }

    /// <summary>When it was signed for, given or sent; now when left out. Not before the referral was received, not in the future.</summary>
    public DateTimeOffset? At { get; set; }
}

/// <summary>申请延期 (with the 办结 deadline asked for) or 申请退单.</summary>
public sealed class ReferralRequestInput
{
    public string? Reason { get; set; }

    /// <summary>申请延期: the new 办结 deadline asked for; ignored for 申请退单.</summary>
    public DateTimeOffset? CompletionDue { get; set; }
}

/// <summary>The referring body's answer to the pending 延期 or 退单.</summary>
public sealed class ReferralDecisionInput
{
    /// <summary>true: 同意; false: 不同意.</summary>
    public bool? Approved { get; set; }

    public string? Note { get; set; }
}

/// <summary>The referring body's satisfaction result.</summary>
public sealed class ReferralSatisfactionInput
{
    public ReferralSatisfaction? Satisfaction { get; set; }

    public string? Note { get; set; }
}

public sealed class ReferralInputValidator : AbstractValidator<ReferralInput>
{
    public ReferralInputValidator()
    {
        RuleFor(x => x.SourceId).NotNull().WithMessage("请选择转办来源。").GreaterThan(0).WithMessage("请选择转办来源。");
        RuleFor(x => x.TicketNumber).NotEmpty().WithMessage("请填写转办工单号。")
            .MaximumChars(Referral.TicketNumberLength).WithMessage($"转办工单号不能超过 {Referral.TicketNumberLength} 个字符。");
    }
}

public sealed class ReferralStepInputValidator : AbstractValidator<ReferralStepInput>
{
    public ReferralStepInputValidator()
    {
        RuleFor(x => x.Text).MaximumChars(FieldLimits.Note).WithMessage($"内容不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class ReferralRequestInputValidator : AbstractValidator<ReferralRequestInput>
{
    public ReferralRequestInputValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写申请原因。")
            .MaximumChars(FieldLimits.Note).WithMessage($"申请原因不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class ReferralDecisionInputValidator : AbstractValidator<ReferralDecisionInput>
{
    public ReferralDecisionInputValidator()
    {
        RuleFor(x => x.Approved).NotNull().WithMessage("请选择转办单位是否同意。");
        RuleFor(x => x.Note).MaximumChars(FieldLimits.Note).WithMessage($"说明不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class ReferralSatisfactionInputValidator : AbstractValidator<ReferralSatisfactionInput>
{
    public ReferralSatisfactionInputValidator()
    {
        RuleFor(x => x.Satisfaction).NotNull().WithMessage("请选择转办单位的满意度。").IsInEnum().WithMessage("转办满意度无效。");
        RuleFor(x => x.Note).MaximumChars(FieldLimits.Note).WithMessage($"说明不能超过 {FieldLimits.Note} 个字。");
    }
}
