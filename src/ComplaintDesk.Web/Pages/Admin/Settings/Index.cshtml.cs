using System.Linq.Expressions;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Admin.Settings;

/// <summary>
/// 规程设置: time limits, thresholds, time zone and group window. The ranges are the domain policies' own
/// (<see cref="TimeLimitPolicy.Validate"/>, <see cref="ClassificationPolicy.Validate"/>), reported beside each field.
/// </summary>
public sealed class IndexModel(
    ComplaintDeskDbContext db,
    ProcedurePolicies policies,
    WriteGate gate,
    IValidator<IndexModel.SettingsInput> validator,
    ILogger<IndexModel> logger)
    : PageModel
{
    public const string ConflictMessage = "规程设置刚刚被其他管理员修改，您的修改未保存。下面是最新的设置，请核对后重新修改。";

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync() => Input = SettingsInput.From(await LoadAsync(tracked: false));

    public async Task<IActionResult> OnPostAsync()
    {
        Input.TimeZoneId = AdminForm.Clean(Input.TimeZoneId);
        if (!ModelState.Check(validator, Input))
        {
            return Page();
        }

        var settings = await LoadAsync(tracked: true);
        if (settings.Version != Input.Version)
        {
            return Conflict(settings);
        }

        var before = (settings.ToTimeLimitPolicy(), settings.DaysUnresolvedForMajor);
        Input.ApplyTo(settings);
        var clockRulesChanged = before != (settings.ToTimeLimitPolicy(), settings.DaysUnresolvedForMajor);

        // The validator checked each field alone; the policies check the whole.
        var problems = settings.ToClassificationPolicy().Validate().Concat(settings.ToTimeLimitPolicy().Validate()).ToList();
        if (problems.Count > 0)
        {
            problems.ForEach(p => ModelState.AddModelError(string.Empty, p));
            return Page();
        }

        db.Entry(settings).Property(s => s.Version).OriginalValue = Input.Version;
        settings.Version = Input.Version + 1;
        try
        {
            using (await gate.EnterAsync())
            {
                // A server provider retries on transient failures, and a retrying strategy runs a transaction only as a whole.
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await db.SaveChangesAsync();
                    if (clockRulesChanged)
                    {
                        // Every complaint still running is looked at again by the clock's next run, under the new limits
                        // (which also refreshes its stored due instants).
                        await db.Complaints
                            .Where(c => c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Withdrawn)
                            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClockDueAt, c => c.RegisteredAt));
                    }

                    await transaction.CommitAsync();
                });
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await LoadAsync(tracked: false));
        }

        policies.Invalidate();
        logger.LogInformation(
            "Procedure settings version {Version} saved by {UserName}: dispatch {DispatchMinutes} min, time zone {TimeZoneId}",
            settings.Version, User.Identity?.Name, settings.DispatchMinutes, settings.TimeZoneId);
        return RedirectToPage(new { saved = true });
    }

    private PageResult Conflict(ProcedureSettings latest)
    {
        ModelState.Clear();
        Input = SettingsInput.From(latest);
        ModelState.AddModelError(string.Empty, ConflictMessage);
        return Page();
    }

    private async Task<ProcedureSettings> LoadAsync(bool tracked)
    {
        var query = tracked ? db.ProcedureSettings : db.ProcedureSettings.AsNoTracking();
        var settings = await query.SingleOrDefaultAsync(s => s.Id == ProcedureSettings.SingletonId);
        if (settings is null)
        {
            settings = new ProcedureSettings();
            if (tracked)
            {
                db.ProcedureSettings.Add(settings);
            }
        }

        return settings;
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

        public int? DaysUnresolvedForMajor { get; set; }

        public int? GroupComplainantCount { get; set; }

        public int? GroupWindowHours { get; set; }

        public int? RepeatWindowDays { get; set; }

        public int? ClockIntervalSeconds { get; set; }

        public string? TimeZoneId { get; set; }

        /// <summary>The version the form was drawn from: another admin's save in between is a conflict.</summary>
        public int Version { get; set; }

        public static SettingsInput From(ProcedureSettings s) => new()
        {
            DispatchMinutes = s.DispatchMinutes,
            ResolutionMinorHours = s.ResolutionMinorHours,
            ResolutionImportantHours = s.ResolutionImportantHours,
            ResolutionMajorHours = s.ResolutionMajorHours,
            ResolutionBHours = s.ResolutionBHours,
            ResolutionCHours = s.ResolutionCHours,
            MajorProgressHours = s.MajorProgressHours,
            FollowUpHours = s.FollowUpHours,
            FollowUpAttemptsBeforeUnreachable = s.FollowUpAttemptsBeforeUnreachable,
            RaisesForMajor = s.RaisesForMajor,
            DaysUnresolvedForMajor = s.DaysUnresolvedForMajor,
            GroupComplainantCount = s.GroupComplainantCount,
            GroupWindowHours = s.GroupWindowHours,
            RepeatWindowDays = s.RepeatWindowDays,
            ClockIntervalSeconds = s.ClockIntervalSeconds,
            TimeZoneId = s.TimeZoneId,
            Version = s.Version,
        };

        /// <summary>Copies valid input onto the settings row.</summary>
        public void ApplyTo(ProcedureSettings s)
        {
            ArgumentNullException.ThrowIfNull(s);
            s.DispatchMinutes = DispatchMinutes!.Value;
            s.ResolutionMinorHours = ResolutionMinorHours!.Value;
            s.ResolutionImportantHours = ResolutionImportantHours!.Value;
            s.ResolutionMajorHours = ResolutionMajorHours!.Value;
            s.ResolutionBHours = ResolutionBHours!.Value;
            s.ResolutionCHours = ResolutionCHours!.Value;
            s.MajorProgressHours = MajorProgressHours!.Value;
            s.FollowUpHours = FollowUpHours!.Value;
            s.FollowUpAttemptsBeforeUnreachable = FollowUpAttemptsBeforeUnreachable!.Value;
            s.RaisesForMajor = RaisesForMajor!.Value;
            s.DaysUnresolvedForMajor = DaysUnresolvedForMajor!.Value;
            s.GroupComplainantCount = GroupComplainantCount!.Value;
            s.GroupWindowHours = GroupWindowHours!.Value;
            s.RepeatWindowDays = RepeatWindowDays!.Value;
            s.ClockIntervalSeconds = ClockIntervalSeconds!.Value;
            s.TimeZoneId = TimeZoneId!;
        }
    }

    public sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
    {
        public const int MaxGroupWindowHours = 30 * 24;
        public const int MaxRepeatWindowDays = 365;
        public const int MinClockIntervalSeconds = 10;
        public const int MaxClockIntervalSeconds = 3600;

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
            Field(x => x.DaysUnresolvedForMajor, "未解决天数", v => (classification with { DaysUnresolvedForMajor = v }).Validate());
            Field(x => x.GroupComplainantCount, "群体投诉人数", v => (classification with { GroupComplainantCount = v }).Validate());
            RuleFor(x => x.GroupWindowHours).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写群体投诉归并时间窗。")
                .InclusiveBetween(1, MaxGroupWindowHours).WithMessage($"群体投诉归并时间窗必须在 1 到 {MaxGroupWindowHours} 小时之间。");
            RuleFor(x => x.RepeatWindowDays).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写重复反映识别期。")
                .InclusiveBetween(0, MaxRepeatWindowDays).WithMessage($"重复反映识别期必须在 0 到 {MaxRepeatWindowDays} 天之间。");
            RuleFor(x => x.ClockIntervalSeconds).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写时限检查间隔。")
                .InclusiveBetween(MinClockIntervalSeconds, MaxClockIntervalSeconds)
                .WithMessage($"时限检查间隔必须在 {MinClockIntervalSeconds} 到 {MaxClockIntervalSeconds} 秒之间。");
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
