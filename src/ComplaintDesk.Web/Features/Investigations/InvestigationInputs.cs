using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Web.Infrastructure.Text;
using FluentValidation;

namespace ComplaintDesk.Web.Features.Investigations;

/// <summary>填写调查处理报告: what happened, the cause, who is responsible, the corrective actions.</summary>
public sealed class InvestigationInput
{
    /// <summary>事情经过.</summary>
    public string? WhatHappened { get; set; }

    /// <summary>原因分析.</summary>
    public string? Cause { get; set; }

    /// <summary>责任部门.</summary>
    public int? ResponsibleDepartmentId { get; set; }

    /// <summary>责任人 (optional).</summary>
    public string? ResponsiblePerson { get; set; }

    /// <summary>整改措施, at least one; rows left wholly blank (the page's spare rows) are ignored.</summary>
    public List<CorrectiveActionInput> Actions { get; set; } = [];

    /// <summary>The rows with anything in them, with their index in <see cref="Actions"/> (for error keys).</summary>
    public IEnumerable<(int Index, CorrectiveActionInput Action)> FilledActions() =>
        (Actions ?? []).Select((a, i) => (i, a)).Where(x => x.a is not null && !x.a.IsBlank);
}

/// <summary>One 整改措施 as written: what, which department, by which day (北京时间).</summary>
public sealed class CorrectiveActionInput
{
    public string? Description { get; set; }

    public int? OwnerDepartmentId { get; set; }

    /// <summary>完成期限: the last day (yyyy-MM-dd, 北京时间).</summary>
    public DateOnly? DueOn { get; set; }

    internal bool IsBlank => string.IsNullOrWhiteSpace(Description) && OwnerDepartmentId is null && DueOn is null;
}

/// <summary>整改完成: which action (its number) and what was done.</summary>
public sealed class CompleteActionInput
{
    /// <summary>The action's number in the report (1, 2, …).</summary>
    public int? No { get; set; }

    /// <summary>整改情况 (required).</summary>
    public string? Note { get; set; }
}

/// <summary>整改验证: which action, the result, a note (required when it failed) and, when it failed, the new due day.</summary>
public sealed class VerifyActionInput
{
    public int? No { get; set; }

    public VerificationResult? Result { get; set; }

    public string? Note { get; set; }

    /// <summary>新的完成期限 when the verification failed (yyyy-MM-dd, 北京时间).</summary>
    public DateOnly? NewDueOn { get; set; }
}

public sealed class InvestigationInputValidator : AbstractValidator<InvestigationInput>
{
    public InvestigationInputValidator()
    {
        RuleFor(x => x.WhatHappened).NotEmpty().WithMessage("请填写事情经过。")
            .MaximumChars(Investigation.TextLength).WithMessage($"事情经过不能超过 {Investigation.TextLength} 个字。");
        RuleFor(x => x.Cause).NotEmpty().WithMessage("请填写原因分析。")
            .MaximumChars(Investigation.TextLength).WithMessage($"原因分析不能超过 {Investigation.TextLength} 个字。");
        RuleFor(x => x.ResponsibleDepartmentId).NotNull().WithMessage("请选择责任部门。").GreaterThan(0).WithMessage("请选择责任部门。");
        RuleFor(x => x.ResponsiblePerson).MaximumChars(Investigation.PersonLength).WithMessage($"责任人不能超过 {Investigation.PersonLength} 个字。");
        RuleFor(x => x.Actions).Must(a => a is null || a.Count <= Investigation.MaxActions + 5)
            .WithMessage($"整改措施最多 {Investigation.MaxActions} 项。");
        RuleFor(x => x).Custom((input, context) =>
        {
            var filled = input.FilledActions().ToList();
            if (filled.Count == 0)
            {
                context.AddFailure(nameof(InvestigationInput.Actions), "请至少填写一项整改措施。");
            }
            else if (filled.Count > Investigation.MaxActions)
            {
                context.AddFailure(nameof(InvestigationInput.Actions), $"整改措施最多 {Investigation.MaxActions} 项。");
            }

            foreach (var (index, action) in filled)
            {
                var key = $"{nameof(InvestigationInput.Actions)}[{index}]";
                if (string.IsNullOrWhiteSpace(action.Description))
                {
                    context.AddFailure($"{key}.{nameof(CorrectiveActionInput.Description)}", $"请填写第 {index + 1} 项整改措施的内容。");
                }
                else if (TextInput.Length(action.Description) > CorrectiveAction.DescriptionLength)
                {
                    context.AddFailure($"{key}.{nameof(CorrectiveActionInput.Description)}", $"整改措施不能超过 {CorrectiveAction.DescriptionLength} 个字。");
                }

                if (action.OwnerDepartmentId is not > 0)
                {
                    context.AddFailure($"{key}.{nameof(CorrectiveActionInput.OwnerDepartmentId)}", $"请选择第 {index + 1} 项整改措施的责任部门。");
                }

                if (action.DueOn is null)
                {
                    context.AddFailure($"{key}.{nameof(CorrectiveActionInput.DueOn)}", $"请填写第 {index + 1} 项整改措施的完成期限。");
                }
            }
        });
    }
}

public sealed class CompleteActionInputValidator : AbstractValidator<CompleteActionInput>
{
    public CompleteActionInputValidator()
    {
        RuleFor(x => x.No).NotNull().WithMessage("请选择整改措施。").InclusiveBetween(1, Investigation.MaxActions).WithMessage("请选择整改措施。");
        RuleFor(x => x.Note).NotEmpty().WithMessage("请填写整改情况。")
            .MaximumChars(FieldLimits.Note).WithMessage($"整改情况不能超过 {FieldLimits.Note} 个字。");
    }
}

public sealed class VerifyActionInputValidator : AbstractValidator<VerifyActionInput>
{
    public VerifyActionInputValidator()
    {
        RuleFor(x => x.No).NotNull().WithMessage("请选择整改措施。").InclusiveBetween(1, Investigation.MaxActions).WithMessage("请选择整改措施。");
        RuleFor(x => x.Result).NotNull().WithMessage("请选择验证结果。").IsInEnum().WithMessage("验证结果无效。");
        RuleFor(x => x.Note).MaximumChars(FieldLimits.Note).WithMessage($"验证说明不能超过 {FieldLimits.Note} 个字。");
        RuleFor(x => x.Note).NotEmpty().When(x => x.Result == VerificationResult.Failed).WithMessage("验证未通过，请填写原因。");
        RuleFor(x => x.NewDueOn).NotNull().When(x => x.Result == VerificationResult.Failed).WithMessage("验证未通过，请填写新的完成期限。");
    }
}
