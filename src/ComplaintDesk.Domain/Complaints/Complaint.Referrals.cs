using ComplaintDesk.Domain.Referrals;

namespace ComplaintDesk.Domain.Complaints;

/// <summary>The complaint's referral (政府转办) and its moves; docs/decisions/0013-referrals.md.</summary>
public sealed partial class Complaint
{
    /// <summary>The referral by a government hotline or authority; null when the complaint was not referred.</summary>
    public Referral? Referral { get; private set; }

    /// <summary>
    /// The referral's 办结 deadline when it binds the resolution: the referral is ours (not returned) and the deadline falls
    /// in the current resolution cycle. The earlier of it and the procedure's own limit counts (<see cref="ResolutionDueAt"/>).
    /// </summary>
    public DateTime? ReferralCompletionDueBinding =>
        Referral is { IsActive: true, CompletionDue: { } due } && due > ResolutionClockStart ? due : null;

    /// <summary>登记转办: records the referral on a complaint registered without one.</summary>
    public void RecordReferral(ReferralTerms terms, Actor actor, DateTime now)
    {
        EnsureReferral(ReferralMove.Record, actor);
        AttachReferral(terms, actor, now);
    }

    /// <summary>签收: the referral was signed for on the referring body's platform at <paramref name="at"/> (now when not given).</summary>
    public void SignForReferral(DateTime? at, Actor actor, DateTime now)
    {
        var referral = EnsureReferral(ReferralMove.SignFor, actor);
        var signedAt = ReferralStepTime(at, now, referral, "签收时间");
        referral.SignFor(signedAt);
        Append(now, actor, TimelineKind.ReferralSignedFor, Status, Status, null, $"签收{Timeliness(signedAt, referral.SignForDue, "签收")}");
    }

    /// <summary>首次反馈: the first contact/feedback the referring body asks for.</summary>
    public void RecordReferralFirstFeedback(string note, DateTime? at, Actor actor, DateTime now)
    {
        var referral = EnsureReferral(ReferralMove.FirstFeedback, actor);
        RequireReason(note, "首次反馈内容");
        var givenAt = ReferralStepTime(at, now, referral, "反馈时间");
        referral.GiveFirstFeedback(givenAt, note.Trim());
        Append(now, actor, TimelineKind.ReferralFirstFeedback, Status, Status, note.Trim(),
            $"首次反馈{Timeliness(givenAt, referral.FirstFeedbackDue, "首次反馈")}");
    }

    /// <summary>办结反馈: the reply sent back to the referring body (text, when sent, by whom); needed before the complaint closes.</summary>
    public void RecordReferralReply(string text, DateTime? sentAt, Actor actor, DateTime now)
    {
        var referral = EnsureReferral(ReferralMove.Reply, actor);
        RequireReason(text, "办结反馈内容");
        var sent = ReferralStepTime(sentAt, now, referral, "办结反馈发送时间");
        referral.Reply(text.Trim(), sent, actor.Id, actor.Name);
        Append(now, actor, TimelineKind.ReferralReplied, Status, Status, text.Trim(),
            $"办结反馈{Timeliness(sent, referral.CompletionDue, "办结")}");
    }

    /// <summary>申请延期: asks the referring body for a later 办结 deadline, with a reason.</summary>
    public void RequestReferralExtension(string reason, DateTime completionDue, Actor actor, DateTime now)
    {
        var referral = EnsureReferral(ReferralMove.RequestExtension, actor);
        RequireReason(reason, "延期原因");
        if (completionDue <= referral.CompletionDue)
        {
            throw new DomainRuleException(RuleCodes.ReferralTime, "申请的办结时限必须晚于现在的办结时限。");
        }

        if (completionDue <= now)
        {
            throw new DomainRuleException(RuleCodes.ReferralTime, "申请的办结时限必须晚于现在。");
        }

        referral.Request(ReferralRequestKind.Extension, reason.Trim(), now, completionDue);
        Append(now, actor, TimelineKind.ReferralRequested, Status, Status, reason.Trim(), "申请延期，待转办单位答复");
    }

    /// <summary>申请退单: asks the referring body to take the referral back (not our project or responsibility), with a reason.</summary>
    public void RequestReferralReturn(string reason, Actor actor, DateTime now)
    {
        var referral = EnsureReferral(ReferralMove.RequestReturn, actor);
        RequireReason(reason, "退单原因");
        referral.Request(ReferralRequestKind.Return, reason.Trim(), now, null);
        Append(now, actor, TimelineKind.ReferralRequested, Status, Status, reason.Trim(), "申请退单，待转办单位答复");
    }

    /// <summary>
    /// 记录申请结果: a supervisor records the referring body's answer to the pending 延期 or 退单. An approved 延期 moves the
    /// 办结 deadline; an approved 退单 ends the referral (no deadlines, no 办结反馈 needed).
    /// </summary>
    public void DecideReferralRequest(bool approved, string? note, Actor actor, DateTime now)
    {
        var referral = EnsureReferral(ReferralMove.DecideRequest, actor);
        var kind = referral.PendingRequest!.Value;
        referral.Decide(approved, now);
        var detail = $"{ReferralLabels.Of(kind)}：转办单位{(approved ? "同意" : "不同意")}";
        if (approved && kind == ReferralRequestKind.Return)
        {
            detail += "，转办已退单";
        }

        Append(now, actor, TimelineKind.ReferralRequestDecided, Status, Status, Blank(note), detail);
    }

    /// <summary>转办满意度: the referring body's own satisfaction result, once it arrives; not a 回访 of ours.</summary>
    public void RecordReferralSatisfaction(ReferralSatisfaction satisfaction, string? note, Actor actor, DateTime now)
    {
        var referral = EnsureReferral(ReferralMove.RecordSatisfaction, actor);
        if (!Enum.IsDefined(satisfaction))
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, "转办满意度无效。");
        }

        referral.RecordSatisfaction(satisfaction, now);
        Append(now, actor, TimelineKind.ReferralSatisfaction, Status, Status, Blank(note), $"转办单位满意度：{ReferralLabels.Of(satisfaction)}");
    }

    /// <summary>Why the complaint may not close now because of its referral (办结反馈 not yet recorded), or null.</summary>
    public DomainRuleException? ReferralCloseRefusal() =>
        Referral is { IsActive: true, ReplySentAt: null } referral
            ? new DomainRuleException(
                RuleCodes.ReferralReplyRequired,
                $"该投诉为{referral.SourceName}转办（工单号 {referral.TicketNumber}），须先录入办结反馈，才能结案。")
            : null;

    private void AttachReferral(ReferralTerms terms, Actor actor, DateTime now)
    {
        Referral.Check(terms, now);
        Referral = new Referral(terms, now);
        var dues = new[]
        {
            terms.SignForDue is null ? null : "签收",
            terms.FirstFeedbackDue is null ? null : "首次反馈",
            terms.CompletionDue is null ? null : "办结",
        }.Where(d => d is not null).ToList();
        Append(now, actor, TimelineKind.ReferralRecorded, Status, Status, null,
            $"{Referral.SourceName}转办，工单号 {Referral.TicketNumber}；转办时限：{(dues.Count == 0 ? "未设" : string.Join("、", dues))}"
            + (terms.SignedForAt is null ? string.Empty : "；已签收"));
    }

    private Referral EnsureReferral(ReferralMove move, Actor actor)
    {
        if (ReferralMoves.Refusal(move, this, actor) is { } refusal)
        {
            throw refusal;
        }

        return Referral!;
    }

    private static DateTime ReferralStepTime(DateTime? at, DateTime now, Referral referral, string field)
    {
        var time = at ?? now;
        if (time > now + Referral.ClockSkew)
        {
            throw new DomainRuleException(RuleCodes.ReferralTime, $"{field}不能晚于现在。");
        }

        if (time < referral.ReceivedAt)
        {
            throw new DomainRuleException(RuleCodes.ReferralTime, $"{field}不能早于转办接收时间。");
        }

        return time;
    }

    private static string Timeliness(DateTime at, DateTime? due, string what) =>
        due is not { } d ? $"（未设{what}时限）" : at <= d ? "（按时）" : $"（超过{what}时限）";
}
