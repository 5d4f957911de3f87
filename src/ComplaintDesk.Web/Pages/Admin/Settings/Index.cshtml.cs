using System.Linq.Expressions;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.TimeLimits;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages.Admin.Settings;

/// <summary>
/// 规程设置: every number of the procedure. The ranges are the domain policy's own (<see cref="ProcedurePolicy.Validate"/>),
/// reported beside each field; saving is <see cref="ProcedurePolicies.ChangeAsync"/> (running complaints looked at again).
/// </summary>
public sealed class IndexModel(
    ProcedurePolicies policies,
    IValidator<IndexModel.SettingsInput> validator,
    ILogger<IndexModel> logger)
    : PageModel
{
    public const string ConflictMessage = "规程设置刚刚被其他管理员修改，您的修改未保存。下面是最新的设置，请核对后重新修改。";

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync()
    {
        var (version, policy) = await policies.GetWithVersionAsync();
        Input = SettingsInput.From(policy, version);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.TimeZoneId = AdminForm.Clean(Input.TimeZoneId);
        if (!ModelState.Check(validator, Input))
        {
            return Page();
        }

        // The validator checked each field alone; the policy checks the whole (and the change is refused when invalid).
        var change = await policies.ChangeAsync(Input.ToPolicy(), Input.Version);
        switch (change.Outcome)
        {
            case PolicyChangeOutcome.Invalid:
                foreach (var problem in change.Problems)
                {
                    ModelState.AddModelError(string.Empty, problem);
                }

                return Page();
            case PolicyChangeOutcome.Conflict:
                var (version, latest) = await policies.GetWithVersionAsync();
                ModelState.Clear();
                Input = SettingsInput.From(latest, version);
                ModelState.AddModelError(string.Empty, ConflictMessage);
                return Page();
            default:
                logger.LogInformation(
                    "Procedure settings version {Version} saved by {UserName}: dispatch {DispatchMinutes} min, time zone {TimeZoneId}, clock review {ClockReviewed}",
                    change.Version, User.Identity?.Name, Input.DispatchMinutes, Input.TimeZoneId, change.ClockReviewed);
                return RedirectToPage(new { saved = true });
        }
    }

    public sealed class SettingsInput
    {
        public int? DispatchMinutes { get; set; }

        public int? ResolutionMinorHours { get; set; }

        public int? ResolutionImportantHours { get; set; }

        public int? ResolutionMajorHours { get; set; }

        public int? ResolutionBHours { get; set; }

        public int? ResolutionCHours { get; set; }

        public int? MajorProgressHours { get; set; }

        public int? FollowUpHours { get; set; }

        public int? FollowUpAttemptsBeforeUnreachable { get; set; }

        public int? RaisesForMajor { get; set; }

        public int? RepeatRaises { get; set; }

        public int? DaysUnresolvedForMajor { get; set; }

        public int? GroupComplainantCount { get; set; }

        public int? GroupWindowHours { get; set; }

        public int? RepeatWindowDays { get; set; }

        public int? ClockIntervalSeconds { get; set; }

        public string? TimeZoneId { get; set; }

        // The follow-up rules: a box left out of a post keeps the rule on (a browser posts false for a cleared box).
        public bool FollowUpNotByResolver { get; set; } = true;

        public bool FollowUpSeniorForMajorAndImportant { get; set; } = true;

        public bool FollowUpSecondAfterDissatisfied { get; set; } = true;

        public bool FollowUpUnreachableOnDifferentDays { get; set; } = true;

        /// <summary>The version the form was drawn from: another admin's save in between is a conflict.</summary>
        public int Version { get; set; }

        public static SettingsInput From(ProcedurePolicy policy, int version)
        {
            ArgumentNullException.ThrowIfNull(policy);
            var limits = policy.TimeLimits;
            var classification = policy.Classification;
            return new()
            {
                DispatchMinutes = (int)limits.Dispatch.TotalMinutes,
                ResolutionMinorHours = (int)limits.ResolutionMinor.TotalHours,
                ResolutionImportantHours = (int)limits.ResolutionImportant.TotalHours,
                ResolutionMajorHours = (int)limits.ResolutionMajor.TotalHours,
                ResolutionBHours = (int)limits.ResolutionB.TotalHours,
                ResolutionCHours = (int)limits.ResolutionC.TotalHours,
                MajorProgressHours = (int)limits.MajorProgressInterval.TotalHours,
                FollowUpHours = (int)limits.FollowUp.TotalHours,
                FollowUpAttemptsBeforeUnreachable = limits.FollowUpAttemptsBeforeUnreachable,
                RaisesForMajor = classification.RaisesForMajor,
                RepeatRaises = classification.RepeatRaises,
                DaysUnresolvedForMajor = classification.DaysUnresolvedForMajor,
                GroupComplainantCount = classification.GroupComplainantCount,
                GroupWindowHours = (int)policy.GroupWindow.TotalHours,
                RepeatWindowDays = policy.RepeatWindowDays,
                ClockIntervalSeconds = policy.ClockIntervalSeconds,
                TimeZoneId = policy.Calendar.TimeZone.Id,
                FollowUpNotByResolver = policy.FollowUps.NotByResolver,
                FollowUpSeniorForMajorAndImportant = policy.FollowUps.SeniorForMajorAndImportant,
                FollowUpSecondAfterDissatisfied = policy.FollowUps.SecondAfterDissatisfied,
                FollowUpUnreachableOnDifferentDays = policy.FollowUps.UnreachableOnDifferentDays,
                Version = version,
            };
        }

        /// <summary>The policy valid input describes.</summary>
        public ProcedurePolicy ToPolicy() => new()
        {
            TimeLimits = new TimeLimitPolicy
            {
                Dispatch = TimeSpan.FromMinutes(DispatchMinutes!.Value),
                ResolutionMinor = TimeSpan.FromHours(ResolutionMinorHours!.Value),
                ResolutionImportant = TimeSpan.FromHours(ResolutionImportantHours!.Value),
                ResolutionMajor = TimeSpan.FromHours(ResolutionMajorHours!.Value),
                ResolutionB = TimeSpan.FromHours(ResolutionBHours!.Value),
                ResolutionC = TimeSpan.FromHours(ResolutionCHours!.Value),
                MajorProgressInterval = TimeSpan.FromHours(MajorProgressHours!.Value),
                FollowUp = TimeSpan.FromHours(FollowUpHours!.Value),
                FollowUpAttemptsBeforeUnreachable = FollowUpAttemptsBeforeUnreachable!.Value,
            },
            Classification = new ClassificationPolicy
            {
                RaisesForMajor = RaisesForMajor!.Value,
                RepeatRaises = RepeatRaises!.Value,
                DaysUnresolvedForMajor = DaysUnresolvedForMajor!.Value,
                GroupComplainantCount = GroupComplainantCount!.Value,
            },
            Calendar = CompanyCalendar.FromId(TimeZoneId!),
            GroupWindow = TimeSpan.FromHours(GroupWindowHours!.Value),
            RepeatWindowDays = RepeatWindowDays!.Value,
            ClockIntervalSeconds = ClockIntervalSeconds!.Value,
            FollowUps = new FollowUpRules
            {
                NotByResolver = FollowUpNotByResolver,
                SeniorForMajorAndImportant = FollowUpSeniorForMajorAndImportant,
                SecondAfterDissatisfied = FollowUpSecondAfterDissatisfied,
                UnreachableOnDifferentDays = FollowUpUnreachableOnDifferentDays,
            },
        };
    }

    public sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
    {
        /// <summary>Beyond this a number cannot be a time limit (and would overflow a TimeSpan).</summary>
        private const int Sane = 1_000_000;

        public SettingsInputValidator()
        {
            var time = TimeLimitPolicy.Default;
            var classification = ClassificationPolicy.Default;
            Field(x => x.DispatchMinutes, "派单时限", v => (time with { Dispatch = TimeSpan.FromMinutes(v) }).Validate());
            Field(x => x.ResolutionMinorHours, "轻微投诉处理时限", v => (time with { ResolutionMinor = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.ResolutionImportantHours, "重要投诉处理时限", v => (time with { ResolutionImportant = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.ResolutionMajorHours, "重大投诉处理时限", v => (time with { ResolutionMajor = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.ResolutionBHours, "B类投诉处理时限", v => (time with { ResolutionB = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.ResolutionCHours, "C类投诉处理时限", v => (time with { ResolutionC = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.MajorProgressHours, "重大投诉进展报告间隔", v => (time with { MajorProgressInterval = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.FollowUpHours, "回访时限", v => (time with { FollowUp = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.FollowUpAttemptsBeforeUnreachable, "回访尝试次数", v => (time with { FollowUpAttemptsBeforeUnreachable = v }).Validate());
            Field(x => x.RaisesForMajor, "反映次数阈值", v => (classification with { RaisesForMajor = v }).Validate());
            Field(x => x.RepeatRaises, "重复投诉反映次数", v => (classification with { RepeatRaises = v }).Validate());
            Field(x => x.DaysUnresolvedForMajor, "未解决天数", v => (classification with { DaysUnresolvedForMajor = v }).Validate());
            Field(x => x.GroupComplainantCount, "群体投诉人数", v => (classification with { GroupComplainantCount = v }).Validate());
            var procedure = ProcedurePolicy.Default;
            Field(x => x.GroupWindowHours, "群体投诉归并时间窗", v => (procedure with { GroupWindow = TimeSpan.FromHours(v) }).Validate());
            Field(x => x.RepeatWindowDays, "重复反映识别期", v => (procedure with { RepeatWindowDays = v }).Validate());
            Field(x => x.ClockIntervalSeconds, "时限检查间隔", v => (procedure with { ClockIntervalSeconds = v }).Validate());
            RuleFor(x => x.TimeZoneId).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写公司时区。")
                .MaximumLength(ProcedureSettings.TimeZoneIdLength).WithMessage($"时区不能超过 {ProcedureSettings.TimeZoneIdLength} 个字符。")
                .Must(CompanyCalendar.IsKnownTimeZone).WithMessage("未知的时区，请填写 IANA 时区名称，如 Asia/Shanghai。");
        }

        private void Field(Expression<Func<SettingsInput, int?>> field, string label, Func<int, IReadOnlyList<string>> domainErrors) =>
            RuleFor(field).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage($"请填写{label}。")
                .Custom((value, context) =>
                {
                    if (value is not { } number)
                    {
                        return;
                    }

                    if (number is < -Sane or > Sane)
                    {
                        context.AddFailure($"{label}超出允许范围。");
                        return;
                    }

                    foreach (var error in domainErrors(number))
                    {
                        context.AddFailure(error);
                    }
                });
    }
}
