using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Referrals;

/// <summary>
/// 政府转办: the referral of a complaint by a government hotline or authority (12345 热线, 住建部门, 街道/社区 …) with the
/// referring body's own ticket number and deadlines (docs/decisions/0013-referrals.md). It belongs to its complaint and
/// changes only through the complaint's referral moves.
/// </summary>
public sealed class Referral
{
    public const int TicketNumberLength = 40;
    public const int SourceNameLength = 50;

    /// <summary>How far past now a typed time may be (clocks of phones and PCs differ a little).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // For EF Core.
    private Referral()
    {
        SourceName = string.Empty;
        TicketNumber = string.Empty;
    }

    internal Referral(ReferralTerms terms, DateTime now)
    {
        SourceId = terms.SourceId;
        SourceName = terms.SourceName.Trim();
        TicketNumber = terms.TicketNumber.Trim();
        ReceivedAt = terms.ReceivedAt;
        SignForDue = terms.SignForDue;
        FirstFeedbackDue = terms.FirstFeedbackDue;
        CompletionDue = terms.CompletionDue;
        SignedForAt = terms.SignedForAt;
        RecordedAt = now;
    }

    /// <summary>The referring body: a row of the master list 转办来源.</summary>
    public int SourceId { get; private set; }

    /// <summary>The source's name when the referral was recorded.</summary>
    public string SourceName { get; private set; }

    /// <summary>The referring body's own ticket number (工单号); unique per source.</summary>
    public string TicketNumber { get; private set; }

    /// <summary>When the referring body sent it to us (UTC).</summary>
    public DateTime ReceivedAt { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>签收 due, as the referring body set it; null when it set none.</summary>
    public DateTime? SignForDue { get; private set; }

    /// <summary>首次联系/反馈 due.</summary>
    public DateTime? FirstFeedbackDue { get; private set; }

    /// <summary>办结 (the reply) due; an approved 延期 moves it.</summary>
    public DateTime? CompletionDue { get; private set; }

    public DateTime? SignedForAt { get; private set; }

    public DateTime? FirstFeedbackAt { get; private set; }

    public string? FirstFeedbackNote { get; private set; }

    /// <summary>办结反馈: the reply sent back to the referring body.</summary>
    public string? ReplyText { get; private set; }

    public DateTime? ReplySentAt { get; private set; }

    public string? ReplyById { get; private set; }

    public string? ReplyByName { get; private set; }

    /// <summary>A 申请延期 or 申请退单 waiting for the referring body's answer; null when none.</summary>
    public ReferralRequestKind? PendingRequest { get; private set; }

    public string? PendingReason { get; private set; }

    public DateTime? PendingRequestedAt { get; private set; }

    /// <summary>The 办结 deadline asked for by a pending 申请延期.</summary>
    public DateTime? PendingCompletionDue { get; private set; }

    /// <summary>申请延期 made (whatever the answer).</summary>
    public int ExtensionsRequested { get; private set; }

    /// <summary>申请延期 the referring body approved.</summary>
    public int ExtensionsApproved { get; private set; }

    /// <summary>When the referring body approved a 退单: the referral is no longer ours (no deadlines, no reply needed).</summary>
    public DateTime? ReturnedAt { get; private set; }

    /// <summary>The referring body's own satisfaction result (kept apart from our 回访).</summary>
    public ReferralSatisfaction? Satisfaction { get; private set; }

    public DateTime? SatisfactionAt { get; private set; }

    /// <summary>Not returned: its deadlines run and the complaint cannot close without 办结反馈.</summary>
    public bool IsActive => ReturnedAt is null;

    /// <summary>Signed for, explicitly or by a later step (a feedback or the reply implies it).</summary>
    public DateTime? SignedForEffective => SignedForAt ?? FirstFeedbackAt ?? ReplySentAt;

    /// <summary>First feedback given, explicitly or by the reply.</summary>
    public DateTime? FirstFeedbackEffective => FirstFeedbackAt ?? ReplySentAt;

    public string StateLabel =>
        ReturnedAt is not null ? "已退单"
        : ReplySentAt is not null ? "已办结反馈"
        : SignedForEffective is null ? "待签收"
        : "办理中";

    /// <summary>Refuses terms the referral cannot be recorded with (in Chinese); the caller may check before registering.</summary>
    public static void Check(ReferralTerms terms, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.SourceId <= 0 || string.IsNullOrWhiteSpace(terms.SourceName))
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, "请选择转办来源。");
        }

        if (string.IsNullOrWhiteSpace(terms.TicketNumber))
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, "请填写转办工单号。");
        }
        if (terms.TicketNumber.Trim().Length > TicketNumberLength)
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, $"转办工单号不能超过 {TicketNumberLength} 个字符。");
        }

        if (terms.ReceivedAt > now + ClockSkew)
        {
            throw new DomainRuleException(RuleCodes.ReferralTime, "转办接收时间不能晚于现在。");
        }

        foreach (var (due, name) in new[] { (terms.SignForDue, "签收"), (terms.FirstFeedbackDue, "首次反馈"), (terms.CompletionDue, "办结") })
        {
            if (due is { } at && at <= terms.ReceivedAt)
            {
                throw new DomainRuleException(RuleCodes.ReferralTime, $"{name}时限必须晚于转办接收时间。");
            }
        }

        if (terms.SignedForAt is { } signed && (signed < terms.ReceivedAt || signed > now + ClockSkew))
        {
            throw new DomainRuleException(RuleCodes.ReferralTime, "签收时间须在转办接收时间与现在之间。");
        }
    }

    internal void SignFor(DateTime at) => SignedForAt = at;

    internal void GiveFirstFeedback(DateTime at, string note)
    {
        FirstFeedbackAt = at;
        FirstFeedbackNote = note;
    }

    internal void Reply(string text, DateTime sentAt, string byId, string byName)
    {
        ReplyText = text;
        ReplySentAt = sentAt;
        ReplyById = byId;
        ReplyByName = byName;
    }

    internal void Request(ReferralRequestKind kind, string reason, DateTime now, DateTime? completionDue)
    {
        PendingRequest = kind;
        PendingReason = reason;
        PendingRequestedAt = now;
        PendingCompletionDue = completionDue;
        if (kind == ReferralRequestKind.Extension)
        {
            ExtensionsRequested++;
        }
    }

    internal void Decide(bool approved, DateTime now)
    {
        if (approved && PendingRequest == ReferralRequestKind.Extension)
        {
            CompletionDue = PendingCompletionDue;
            ExtensionsApproved++;
        }
        else if (approved && PendingRequest == ReferralRequestKind.Return)
        {
            ReturnedAt = now;
        }

        PendingRequest = null;
        PendingReason = null;
        PendingRequestedAt = null;
        PendingCompletionDue = null;
    }

    internal void RecordSatisfaction(ReferralSatisfaction satisfaction, DateTime at)
    {
        Satisfaction = satisfaction;
        SatisfactionAt = at;
    }
}

/// <summary>What is entered with a referral; deadlines left empty take the source's defaults (<see cref="ReferralDefaults"/>).</summary>
public sealed record ReferralTerms(
    int SourceId,
    string SourceName,
    string TicketNumber,
    DateTime ReceivedAt,
    DateTime? SignForDue = null,
    DateTime? FirstFeedbackDue = null,
    DateTime? CompletionDue = null,
    DateTime? SignedForAt = null);

/// <summary>A source's default deadlines, measured from when the referral was received; null: the source sets none.</summary>
public sealed record ReferralDefaults(TimeSpan? SignFor, TimeSpan? FirstFeedback, TimeSpan? Completion)
{
    public static ReferralDefaults None { get; } = new(null, null, null);

    /// <summary>The terms with every deadline left empty filled from these defaults.</summary>
    public ReferralTerms Fill(ReferralTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms with
        {
            SignForDue = terms.SignForDue ?? terms.ReceivedAt + SignFor,
            FirstFeedbackDue = terms.FirstFeedbackDue ?? terms.ReceivedAt + FirstFeedback,
            CompletionDue = terms.CompletionDue ?? terms.ReceivedAt + Completion,
        };
    }
}

public enum ReferralRequestKind
{
    /// <summary>申请延期: a later 办结 deadline.</summary>
    Extension = 0,

    /// <summary>申请退单: the referral is not ours (not our project, not our responsibility).</summary>
    Return = 1,
}

/// <summary>The referring body's satisfaction result (满意度), not our 回访.</summary>
public enum ReferralSatisfaction
{
    Satisfied = 0,
    BasicallySatisfied = 1,
    Dissatisfied = 2,
}

/// <summary>What a person does to a complaint's referral.</summary>
public enum ReferralMove
{
    /// <summary>转办登记: record the referral on a complaint that has none.</summary>
    Record = 0,

    /// <summary>签收.</summary>
    SignFor = 1,

    /// <summary>首次反馈: the first contact/feedback the referring body asks for.</summary>
    FirstFeedback = 2,

    /// <summary>办结反馈: the reply sent back; required before the complaint closes.</summary>
    Reply = 3,

    /// <summary>申请延期.</summary>
    RequestExtension = 4,

    /// <summary>申请退单.</summary>
    RequestReturn = 5,

    /// <summary>记录申请结果: the referring body's answer to a 延期 or 退单 request (supervisors).</summary>
    DecideRequest = 6,

    /// <summary>转办满意度: the referring body's satisfaction result.</summary>
    RecordSatisfaction = 7,
}

/// <summary>Chinese words of referrals.</summary>
public static class ReferralLabels
{
    public static string Of(ReferralRequestKind kind) => kind switch
    {
        ReferralRequestKind.Extension => "申请延期",
        ReferralRequestKind.Return => "申请退单",
        _ => kind.ToString(),
    };

    public static string Of(ReferralSatisfaction satisfaction) => satisfaction switch
    {
        ReferralSatisfaction.Satisfied => "满意",
        ReferralSatisfaction.BasicallySatisfied => "基本满意",
        ReferralSatisfaction.Dissatisfied => "不满意",
        _ => satisfaction.ToString(),
    };
}
