using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>Shape rules of the classification questions; one validator serves pages and API.</summary>
public class FactsInputValidator<T> : AbstractValidator<T>
    where T : FactsInput
{
    public FactsInputValidator()
    {
        RuleFor(x => x.Cause).NotNull().WithMessage("请选择投诉原因。").IsInEnum().WithMessage("投诉原因无效。");
        RuleFor(x => x.TimesRaisedUnresolved)
            .InclusiveBetween(1, FieldLimits.MaxTimesRaised)
            .WithMessage($"业主已反映次数必须在 1 到 {FieldLimits.MaxTimesRaised} 之间。");
        RuleFor(x => x.ComplainantCount)
            .InclusiveBetween(1, FieldLimits.MaxComplainantCount)
            .WithMessage($"投诉人数必须在 1 到 {FieldLimits.MaxComplainantCount} 之间。");
        RuleFor(x => x.LossIsMajor)
            .Must((x, major) => !major || x.EconomicLoss || x.InjuryOrMajorEconomicLoss)
            .WithMessage("“损失是否重大”只在造成经济损失时勾选：请同时勾选“是否造成经济损失”。");
    }
}

public sealed class RegisterComplaintValidator : FactsInputValidator<RegisterComplaintInput>
{
    public RegisterComplaintValidator()
    {
        RuleFor(x => x.ComplainantName).NotEmpty().WithMessage("请填写投诉人。")
            .MaximumChars(FieldLimits.ComplainantName).WithMessage($"投诉人不能超过 {FieldLimits.ComplainantName} 个字。");
        RuleFor(x => x.ComplainantKind).NotNull().WithMessage("请选择投诉人身份。").IsInEnum().WithMessage("投诉人身份无效。");
        RuleFor(x => x.Phone).NotEmpty().WithMessage("请填写联系电话。")
            .MaximumLength(FieldLimits.Phone).WithMessage($"联系电话不能超过 {FieldLimits.Phone} 位。")
            .Must(phone => PhoneNumber.TryParse(phone, out _)).WithMessage(PhoneNumber.InvalidMessage);
        RuleFor(x => x.ProjectId).NotNull().WithMessage("请选择物业项目。").GreaterThan(0).WithMessage("请选择物业项目。");
        RuleFor(x => x.Location).NotEmpty().WithMessage("请填写房号/位置。")
            .MaximumChars(FieldLimits.Location).WithMessage($"房号/位置不能超过 {FieldLimits.Location} 个字。");
        RuleFor(x => x.Channel).NotNull().WithMessage("请选择受理渠道。").IsInEnum().WithMessage("受理渠道无效。");
        RuleFor(x => x.TopicId).NotNull().WithMessage("请选择投诉事项。").GreaterThan(0).WithMessage("请选择投诉事项。");
        RuleFor(x => x.Content).NotEmpty().WithMessage("请填写投诉内容。")
            .MaximumChars(FieldLimits.Content).WithMessage($"投诉内容不能超过 {FieldLimits.Content} 个字。");
    }
}

public sealed class DispatchInputValidator : AbstractValidator<DispatchInput>
{
    public DispatchInputValidator()
    {
        RuleFor(x => x.DepartmentId).NotNull().WithMessage("请选择责任部门。").GreaterThan(0).WithMessage("请选择责任部门。");
        RuleFor(x => x.AssigneeName).MaximumChars(FieldLimits.AssigneeName).WithMessage($"处理人不能超过 {FieldLimits.AssigneeName} 个字。");
        RuleFor(x => x.ExternalParty).MaximumChars(FieldLimits.ExternalParty).WithMessage($"协调单位不能超过 {FieldLimits.ExternalParty} 个字。");
        RuleFor(x => x.Note).MaximumChars(FieldLimits.Note).WithMessage($"说明不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class NoteInputValidator : AbstractValidator<NoteInput>
{
    public NoteInputValidator()
    {
        RuleFor(x => x.Note).MaximumChars(FieldLimits.Note).WithMessage($"说明不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class FollowUpInputValidator : AbstractValidator<FollowUpInput>
{
    public FollowUpInputValidator()
    {
        RuleFor(x => x.Method).NotNull().WithMessage("请选择回访方式。").IsInEnum().WithMessage("回访方式无效。");
        RuleFor(x => x.Outcome).NotNull().WithMessage("请选择回访结果。").IsInEnum().WithMessage("回访结果无效。");
        RuleFor(x => x.Note).MaximumChars(FieldLimits.Note).WithMessage($"回访记录不能超过 {FieldLimits.Note} 个字。");
        RuleFor(x => x.PhoneCalled)
            .MaximumLength(FieldLimits.Phone).WithMessage($"拨打号码不能超过 {FieldLimits.Phone} 位。")
            .Must(phone => string.IsNullOrWhiteSpace(phone) || PhoneNumber.TryParse(phone, out _)).WithMessage("拨打号码" + PhoneNumber.InvalidMessage[4..]);
    }
}

public sealed class HandOverInputValidator : AbstractValidator<HandOverInput>
{
    public HandOverInputValidator()
    {
        RuleFor(x => x.ToUserId).NotEmpty().WithMessage("请选择转交给谁。")
            .MaximumLength(FieldLimits.ActorId).WithMessage("请选择转交给谁。");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写转交原因。")
            .MaximumChars(FieldLimits.Note).WithMessage($"转交原因不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class ReclassifyInputValidator : FactsInputValidator<ReclassifyInput>
{
    public ReclassifyInputValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写重新分类原因。")
            .MaximumChars(FieldLimits.Note).WithMessage($"原因不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class WithdrawInputValidator : AbstractValidator<WithdrawInput>
{
    public WithdrawInputValidator()
    {
        RuleFor(x => x.Reason).NotNull().WithMessage("请选择撤销原因。").IsInEnum().WithMessage("撤销原因无效。");
        RuleFor(x => x.Note).NotEmpty().WithMessage("请填写撤销说明。")
            .MaximumChars(FieldLimits.Note).WithMessage($"说明不能超过 {FieldLimits.Note} 个字。");
    }
}
