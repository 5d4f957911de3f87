using System.Globalization;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Web.Features.Referrals;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>
/// 政府转办 as the pages take it: times typed in 北京时间 (datetime-local) and converted to instants here; a time that is
/// no time gets a Chinese message beside its field.
/// </summary>
public sealed class ReferralForm
{
    public int? SourceId { get; set; }

    public string? TicketNumber { get; set; }

    public string? ReceivedAt { get; set; }

    public string? SignForDue { get; set; }

    public string? FirstFeedbackDue { get; set; }

    public string? CompletionDue { get; set; }

    public string? SignedForAt { get; set; }

    public bool AnyTime => new[] { ReceivedAt, SignForDue, FirstFeedbackDue, CompletionDue, SignedForAt }.Any(t => !string.IsNullOrWhiteSpace(t));

    public ReferralInput ToInput(CompanyCalendar calendar, ModelStateDictionary modelState, string prefix) => new()
    {
        SourceId = SourceId,
        TicketNumber = TicketNumber,
        ReceivedAt = LocalTimes.Read(ReceivedAt, calendar, modelState, $"{prefix}.{nameof(ReceivedAt)}", "接收时间"),
        SignForDue = LocalTimes.Read(SignForDue, calendar, modelState, $"{prefix}.{nameof(SignForDue)}", "签收时限"),
        FirstFeedbackDue = LocalTimes.Read(FirstFeedbackDue, calendar, modelState, $"{prefix}.{nameof(FirstFeedbackDue)}", "首次反馈时限"),
        CompletionDue = LocalTimes.Read(CompletionDue, calendar, modelState, $"{prefix}.{nameof(CompletionDue)}", "办结时限"),
        SignedForAt = LocalTimes.Read(SignedForAt, calendar, modelState, $"{prefix}.{nameof(SignedForAt)}", "签收时间"),
    };
}

/// <summary>签收, 首次反馈, 办结反馈 on the pages: the text and when (北京时间; now when empty).</summary>
public sealed class ReferralStepForm
{
    public string? Text { get; set; }

    public string? At { get; set; }

    public ReferralStepInput ToInput(CompanyCalendar calendar, ModelStateDictionary modelState, string prefix) =>
        new() { Text = Text, At = LocalTimes.Read(At, calendar, modelState, $"{prefix}.{nameof(At)}", "时间") };
}

/// <summary>申请延期 / 申请退单 on the pages.</summary>
public sealed class ReferralRequestForm
{
    public string? Reason { get; set; }

    public string? CompletionDue { get; set; }

    public ReferralRequestInput ToInput(CompanyCalendar calendar, ModelStateDictionary modelState, string prefix) =>
        new() { Reason = Reason, CompletionDue = LocalTimes.Read(CompletionDue, calendar, modelState, $"{prefix}.{nameof(CompletionDue)}", "申请的办结时限") };
}

/// <summary>Local date-times as the browser's datetime-local sends them, in the company's zone.</summary>
public static class LocalTimes
{
    private static readonly string[] _formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Null when empty; the instant when readable; otherwise null with an error on <paramref name="key"/>.</summary>
    public static DateTimeOffset? Read(string? text, CompanyCalendar calendar, ModelStateDictionary modelState, string key, string label)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParseExact(text.Trim(), _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 2000 or > 2099)
        {
            modelState.AddModelError(key, $"{label}格式不对，请按 年-月-日 时:分 填写。");
            return null;
        }

        return new DateTimeOffset(calendar.ToUtc(local), TimeSpan.Zero);
    }

    /// <summary>An instant as a datetime-local value in the company's zone.</summary>
    public static string Value(CompanyCalendar calendar, DateTime? utc) =>
        utc is { } at ? calendar.ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : string.Empty;
}

/// <summary>What the referral card draws: the referral, the moves this person may make, the forms' values.</summary>
public sealed record ReferralPanel(
    Complaint Complaint,
    CompanyCalendar Calendar,
    DateTime Now,
    IReadOnlyList<ReferralMove> Allowed,
    IReadOnlyList<ReferralSource> Sources,
    string? OpenForm,
    ReferralForm Record,
    ReferralStepForm SignFor,
    ReferralStepForm FirstFeedback,
    ReferralStepForm Reply,
    ReferralRequestForm RequestExtension,
    ReferralRequestForm RequestReturn,
    ReferralDecisionInput DecideRequest,
    ReferralSatisfactionInput RecordSatisfaction)
{
    public string Local(DateTime? utc) => Calendar.Local(utc);

    public bool Open(ReferralMove move) => OpenForm == move.ToString();

    public static string Label(ReferralMove move) => ReferralMoves.RuleFor(move).Label;

    /// <summary>"（默认：签收 2 小时、首次反馈 24 小时、办结 5 天）" for a source's select option.</summary>
    public static string DefaultsOf(ReferralSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<string>();
        if (source.SignForHours is { } s)
        {
            parts.Add($"签收 {Hours(s)}");
        }

        if (source.FirstFeedbackHours is { } f)
        {
            parts.Add($"首次反馈 {Hours(f)}");
        }

        if (source.CompletionHours is { } c)
        {
            parts.Add($"办结 {Hours(c)}");
        }

        return parts.Count == 0 ? "（无默认时限）" : $"（默认：{string.Join("、", parts)}）";
    }

    /// <summary>On time, late, or pending, for a referral step due at <paramref name="due"/> and done at <paramref name="done"/>.</summary>
    public string Timeliness(DateTime? due, DateTime? done) => (due, done) switch
    {
        (null, _) => "未设时限",
        ({ } d, { } at) => at <= d ? "按时" : "超时完成",
        ({ } d, null) => Now > d ? "已超时" : "进行中",
    };

    private static string Hours(int hours) =>
        hours % 24 == 0 && hours >= 24 ? $"{hours / 24} 天" : $"{hours} 小时";
}

/// <summary>The referral's fields as one form block; <see cref="Prefix"/> names them (Referral at registration, Record on the details page).</summary>
public sealed record ReferralFields(string Prefix, ReferralForm Form, IReadOnlyList<ReferralSource> Sources, bool Optional = false)
{
    public string Id(string field) => $"{Prefix}_{field}";

    public string Key(string field) => $"{Prefix}.{field}";
}
