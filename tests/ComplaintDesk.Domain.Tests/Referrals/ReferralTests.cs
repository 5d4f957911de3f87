using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Domain.Tests.TestSupport;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Tests.Referrals;

/// <summary>政府转办: the referral, its moves, its deadlines and the close rule (docs/decisions/0013-referrals.md).</summary>
public class ReferralTests
{
    private static readonly DateTime _t0 = Given.T0;

    /// <summary>A 12345 referral received half an hour before registration: 签收 2 h, 首次反馈 24 h, 办结 12 h after receipt.</summary>
    private static ReferralTerms Terms(DateTime? completionDue = null, DateTime? signedForAt = null) => new(
        1, "12345 热线", " GD2026110088 ", _t0.AddMinutes(-30),
        SignForDue: _t0.AddMinutes(90), FirstFeedbackDue: _t0.AddHours(23.5), CompletionDue: completionDue ?? _t0.AddHours(11.5),
        SignedForAt: signedForAt);

    private static Complaint Referred(DateTime? completionDue = null, DateTime? signedForAt = null) =>
        Complaint.Register(Given.Intake() with { Referral = Terms(completionDue, signedForAt) }, "TS2026110001", Actors.Clerk, _t0, Given.Policy);

    /// <summary>Registered with a referral, dispatched and resolved by the clerk (one and two minutes after registration).</summary>
    private static Complaint ReferredResolved()
    {
        var complaint = Referred();
        complaint.Dispatch(3, "李师傅", null, Actors.Clerk, _t0.AddMinutes(1), Given.Limits);
        complaint.Resolve("已修复", Actors.Clerk, _t0.AddMinutes(2), Given.Limits);
        return complaint;
    }

    [Fact]
    public void Register_WithReferral_KeepsItAndWritesTimelineEntry()
    {
        var complaint = Referred();

        var referral = complaint.Referral!;
        Assert.Equal((1, "12345 热线", "GD2026110088"), (referral.SourceId, referral.SourceName, referral.TicketNumber));
        Assert.Equal(_t0.AddHours(11.5), referral.CompletionDue);
        Assert.Equal("待签收", referral.StateLabel);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.ReferralRecorded, entry.Kind);
        Assert.Equal("12345 热线转办，工单号 GD2026110088；转办时限：签收、首次反馈、办结", entry.Detail);
        Assert.Equal(ComplaintStatus.Registered, complaint.Status);
    }

    [Fact]
    public void RecordReferral_OnComplaintWithout_RecordsIt_AndSecondIsRefused()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        complaint.RecordReferral(Terms(), Actors.Clerk, Given.Later);
        var refusal = Assert.Throws<DomainRuleException>(() => complaint.RecordReferral(Terms() with { TicketNumber = "X2" }, Actors.Clerk, Given.Later));

        Assert.Equal("GD2026110088", complaint.Referral!.TicketNumber);
        Assert.Equal(RuleCodes.ReferralExists, refusal.RuleCode);
        Assert.Equal("该投诉已登记转办（12345 热线 工单号 GD2026110088）。", refusal.Message);
    }

    [Theory]
    [InlineData("receivedFuture", RuleCodes.ReferralTime, "转办接收时间不能晚于现在。")]
    [InlineData("dueBeforeReceived", RuleCodes.ReferralTime, "办结时限必须晚于转办接收时间。")]
    [InlineData("noTicket", RuleCodes.InvalidInput, "请填写转办工单号。")]
    [InlineData("longTicket", RuleCodes.InvalidInput, "转办工单号不能超过 40 个字符。")]
    [InlineData("signedBeforeReceived", RuleCodes.ReferralTime, "签收时间须在转办接收时间与现在之间。")]
    [InlineData("noSource", RuleCodes.InvalidInput, "请选择转办来源。")]
    public void RecordReferral_BadTerms_RefusedInChineseAndNothingRecorded(string what, string code, string message)
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var version = complaint.Version;
        var terms = what switch
        {
            "receivedFuture" => Terms() with { ReceivedAt = Given.Later.AddHours(1) },
            "dueBeforeReceived" => Terms() with { CompletionDue = _t0.AddHours(-1) },
            "noTicket" => Terms() with { TicketNumber = "  " },
            "longTicket" => Terms() with { TicketNumber = new string('1', 41) },
            "signedBeforeReceived" => Terms() with { SignedForAt = _t0.AddHours(-2) },
            _ => Terms() with { SourceId = 0 },
        };

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.RecordReferral(terms, Actors.Clerk, Given.Later));

        Assert.Equal((code, message), (refusal.RuleCode, refusal.Message));
        Assert.Null(complaint.Referral);
        Assert.Equal(version, complaint.Version);
    }

    [Fact]
    public void Defaults_Fill_OnlyTheDeadlinesLeftEmpty()
    {
        var defaults = new ReferralDefaults(TimeSpan.FromHours(2), null, TimeSpan.FromDays(5));
        var terms = new ReferralTerms(1, "12345 热线", "A1", _t0, CompletionDue: _t0.AddDays(3));

        var filled = defaults.Fill(terms);

        Assert.Equal(_t0.AddHours(2), filled.SignForDue);
        Assert.Null(filled.FirstFeedbackDue);
        Assert.Equal(_t0.AddDays(3), filled.CompletionDue);
    }

    [Fact]
    public void SignFor_OnTimeThenAgain_RecordsOnceAndRefusesTheSecond()
    {
        var complaint = Referred();

        complaint.SignForReferral(_t0.AddMinutes(10), Actors.Clerk, Given.Later);
        var refusal = Assert.Throws<DomainRuleException>(() => complaint.SignForReferral(null, Actors.Clerk, Given.Later));

        Assert.Equal(_t0.AddMinutes(10), complaint.Referral!.SignedForAt);
        Assert.Equal("签收（按时）", complaint.Timeline[^1].Detail);
        Assert.Equal(TimelineKind.ReferralSignedFor, complaint.Timeline[^1].Kind);
        Assert.Equal((RuleCodes.ReferralState, "该转办已签收。"), (refusal.RuleCode, refusal.Message));
        Assert.Equal("办理中", complaint.Referral.StateLabel);
    }

    [Fact]
    public void SignFor_AfterTheDeadline_SaysLateAndTimeInTheFutureIsRefused()
    {
        var complaint = Referred();

        var future = Assert.Throws<DomainRuleException>(() => complaint.SignForReferral(_t0.AddHours(5), Actors.Clerk, _t0.AddHours(3)));
        complaint.SignForReferral(null, Actors.Clerk, _t0.AddHours(3));

        Assert.Equal("签收时间不能晚于现在。", future.Message);
        Assert.Equal("签收（超过签收时限）", complaint.Timeline[^1].Detail);
    }

    [Fact]
    public void FirstFeedback_NeedsText_ThenRecorded()
    {
        var complaint = Referred();

        var noText = Assert.Throws<DomainRuleException>(() => complaint.RecordReferralFirstFeedback(" ", null, Actors.Clerk, Given.Later));
        complaint.RecordReferralFirstFeedback("已联系业主，明日上门", null, Actors.Clerk, Given.Later);

        Assert.Equal(RuleCodes.ReasonRequired, noText.RuleCode);
        Assert.Equal(Given.Later, complaint.Referral!.FirstFeedbackAt);
        Assert.Equal(Given.Later, complaint.Referral.SignedForEffective);
        Assert.Equal(("已联系业主，明日上门", "首次反馈（按时）"), (complaint.Timeline[^1].Note, complaint.Timeline[^1].Detail));
    }

    [Fact]
    public void FollowUpSatisfied_WithoutReply_RefusedAndNothingChanges()
    {
        var complaint = ReferredResolved();
        var version = complaint.Version;

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.RecordFollowUp(
            FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, Given.Later, Given.Policy));

        Assert.Equal(RuleCodes.ReferralReplyRequired, refusal.RuleCode);
        Assert.Equal("该投诉为12345 热线转办（工单号 GD2026110088），须先录入办结反馈，才能结案。", refusal.Message);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Empty(complaint.FollowUps);
        Assert.Equal(version, complaint.Version);
    }

    [Fact]
    public void FollowUpDissatisfied_WithoutReply_IsAllowed()
    {
        var complaint = ReferredResolved();

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, "仍有异响", Actors.Supervisor, Given.Later, Given.Policy);

        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
    }

    [Fact]
    public void Reply_ThenFollowUpSatisfied_Closes()
    {
        var complaint = ReferredResolved();

        complaint.RecordReferralReply("已更换门机，业主确认恢复正常", _t0.AddMinutes(30), Actors.Clerk, Given.Later);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, Given.Later, Given.Policy);

        var referral = complaint.Referral!;
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(("已更换门机，业主确认恢复正常", _t0.AddMinutes(30)), (referral.ReplyText, referral.ReplySentAt));
        Assert.Equal((Actors.Clerk.Id, Actors.Clerk.Name), (referral.ReplyById, referral.ReplyByName));
        Assert.Equal("已办结反馈", referral.StateLabel);
        Assert.Contains(complaint.Timeline, t => t.Kind == TimelineKind.ReferralReplied && t.Detail == "办结反馈（按时）");
    }

    [Fact]
    public void CloseUnreachable_WithoutReply_Refused()
    {
        var complaint = ReferredResolved();
        for (var day = 0; day < 3; day++)
        {
            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, null, Actors.Supervisor, _t0.AddDays(day).AddHours(1), Given.Policy);
        }

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.CloseAsUnreachable("三次未联系上", Actors.Supervisor, _t0.AddDays(3), Given.Limits));

        Assert.Equal(RuleCodes.ReferralReplyRequired, refusal.RuleCode);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
    }

    [Fact]
    public void ResolveAgainWithoutSecondFollowUp_WithoutReply_Refused()
    {
        var complaint = ReferredResolved();
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Supervisor, Given.Later, Given.Policy);
        var rules = FollowUpRules.Default with { SecondAfterDissatisfied = false };

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.Resolve("再次处理", Actors.Clerk, Given.Later.AddHours(1), Given.Limits, rules));

        Assert.Equal(RuleCodes.ReferralReplyRequired, refusal.RuleCode);
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
    }

    [Fact]
    public void Reply_BeforeDispatch_RefusedByStatus_AndTwiceRefused()
    {
        var complaint = Referred();

        var early = Assert.Throws<DomainRuleException>(() => complaint.RecordReferralReply("已处理", null, Actors.Clerk, Given.Later));
        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(1), Given.Limits);
        complaint.RecordReferralReply("已处理", null, Actors.Clerk, Given.Later);
        var twice = Assert.Throws<DomainRuleException>(() => complaint.RecordReferralReply("再次", null, Actors.Clerk, Given.Later));

        Assert.Equal((RuleCodes.MoveNotAllowedInStatus, "投诉当前为「待派单」，不能办结反馈。"), (early.RuleCode, early.Message));
        Assert.Equal(RuleCodes.ReferralState, twice.RuleCode);
    }

    [Fact]
    public void ReferralMoves_OnComplaintWithoutReferral_RefusedInChinese()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.SignForReferral(null, Actors.Clerk, Given.Later));

        Assert.Equal((RuleCodes.ReferralMissing, "该投诉不是转办投诉，不能签收。"), (refusal.RuleCode, refusal.Message));
        Assert.Equal([ReferralMove.Record], ReferralMoves.Allowed(complaint, Actors.Clerk));
    }

    [Fact]
    public void Extension_Approved_MovesTheCompletionDeadline()
    {
        var complaint = Referred();
        var asked = _t0.AddDays(3);

        complaint.RequestReferralExtension("需协调开发商更换配件", asked, Actors.Clerk, Given.Later);
        var again = Assert.Throws<DomainRuleException>(() => complaint.RequestReferralReturn("非本项目", Actors.Clerk, Given.Later));
        var byClerk = Assert.Throws<DomainRuleException>(() => complaint.DecideReferralRequest(true, null, Actors.Clerk, Given.Later));
        complaint.DecideReferralRequest(true, "12345 平台同意延期", Actors.Supervisor, Given.Later.AddHours(1));

        var referral = complaint.Referral!;
        Assert.Equal("该转办的申请延期尚待转办单位答复，不能再申请退单。", again.Message);
        Assert.Equal((RuleCodes.RoleNotAllowed, "只有客服主管可以记录申请结果。"), (byClerk.RuleCode, byClerk.Message));
        Assert.Equal(asked, referral.CompletionDue);
        Assert.Equal((1, 1), (referral.ExtensionsRequested, referral.ExtensionsApproved));
        Assert.Null(referral.PendingRequest);
        Assert.Equal(("12345 平台同意延期", "申请延期：转办单位同意"), (complaint.Timeline[^1].Note, complaint.Timeline[^1].Detail));
        Assert.Equal(TimelineKind.ReferralRequestDecided, complaint.Timeline[^1].Kind);
    }

    [Fact]
    public void Extension_Refused_KeepsTheDeadline()
    {
        var complaint = Referred();

        complaint.RequestReferralExtension("配件未到", _t0.AddDays(3), Actors.Clerk, Given.Later);
        complaint.DecideReferralRequest(false, null, Actors.Supervisor, Given.Later);

        Assert.Equal(_t0.AddHours(11.5), complaint.Referral!.CompletionDue);
        Assert.Equal((1, 0), (complaint.Referral.ExtensionsRequested, complaint.Referral.ExtensionsApproved));
        Assert.Equal("申请延期：转办单位不同意", complaint.Timeline[^1].Detail);
    }

    [Theory]
    [InlineData(-1.0, "申请的办结时限必须晚于现在的办结时限。")]
    [InlineData(0.0, "申请的办结时限必须晚于现在的办结时限。")]
    public void Extension_NotLaterThanTheDeadline_Refused(double hoursAfterDue, string message)
    {
        var complaint = Referred();

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.RequestReferralExtension("理由", _t0.AddHours(11.5 + hoursAfterDue), Actors.Clerk, Given.Later));

        Assert.Equal((RuleCodes.ReferralTime, message), (refusal.RuleCode, refusal.Message));
        Assert.Null(complaint.Referral!.PendingRequest);
    }

    [Fact]
    public void Extension_WithoutReason_Refused()
    {
        var complaint = Referred();

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.RequestReferralExtension(" ", _t0.AddDays(3), Actors.Clerk, Given.Later));

        Assert.Equal((RuleCodes.ReasonRequired, "请填写延期原因。"), (refusal.RuleCode, refusal.Message));
    }

    [Fact]
    public void Return_Approved_EndsTheReferral_DeadlinesGoAndCloseNeedsNoReply()
    {
        var complaint = ReferredResolved();

        complaint.RequestReferralReturn("地址不属于本项目管辖", Actors.Clerk, Given.Later);
        complaint.DecideReferralRequest(true, null, Actors.Supervisor, Given.Later);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, Given.Later, Given.Policy);

        Assert.False(complaint.Referral!.IsActive);
        Assert.Equal("已退单", complaint.Referral.StateLabel);
        Assert.Equal("申请退单：转办单位同意，转办已退单", complaint.Timeline.Single(t => t.Kind == TimelineKind.ReferralRequestDecided).Detail);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.DoesNotContain(Deadlines.Evaluate(complaint, Given.Later, Given.Limits).Deadlines, d => Deadline.IsReferral(d.Kind));
        Assert.Equal([ReferralMove.RecordSatisfaction], ReferralMoves.Allowed(complaint, Actors.Clerk).Where(m => m != ReferralMove.RecordSatisfaction).Append(ReferralMove.RecordSatisfaction));
    }

    [Fact]
    public void Satisfaction_BeforeReplyRefused_AfterRecordedApartFromOurFollowUp()
    {
        var complaint = ReferredResolved();

        var early = Assert.Throws<DomainRuleException>(() =>
            complaint.RecordReferralSatisfaction(ReferralSatisfaction.Satisfied, null, Actors.Clerk, Given.Later));
        complaint.RecordReferralReply("已处理", null, Actors.Clerk, Given.Later);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.BasicallySatisfied, null, Actors.Supervisor, Given.Later, Given.Policy);
        complaint.RecordReferralSatisfaction(ReferralSatisfaction.Dissatisfied, "12345 回访业主不满意", Actors.Clerk, Given.Later.AddDays(2));
        var twice = Assert.Throws<DomainRuleException>(() =>
            complaint.RecordReferralSatisfaction(ReferralSatisfaction.Satisfied, null, Actors.Clerk, Given.Later.AddDays(2)));

        Assert.Equal("须先录入办结反馈，转办单位才会给出满意度。", early.Message);
        Assert.Equal(ReferralSatisfaction.Dissatisfied, complaint.Referral!.Satisfaction);
        Assert.Equal(FollowUpOutcome.BasicallySatisfied, complaint.LastFollowUpOutcome);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal("转办单位满意度：不满意", complaint.Timeline[^1].Detail);
        Assert.Equal("已记录转办单位的满意度。", twice.Message);
    }

    [Fact]
    public void ResolutionDue_ReferralDeadlineEarlierThanOwn_TheReferralCounts()
    {
        // A minor: own limit 24 h; the referral wants 办结 11.5 h after registration.
        var complaint = Referred(completionDue: _t0.AddHours(11.5));

        Assert.Equal(_t0.AddHours(11.5), complaint.ResolutionDueAt(Given.Limits, _t0));
        var resolution = Deadlines.Evaluate(complaint, _t0, Given.Limits).Of(DeadlineKind.Resolution)!;
        Assert.Equal(_t0.AddHours(11.5), resolution.DueAt);

        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(5), Given.Limits);
        complaint.Resolve("已修复", Actors.Clerk, _t0.AddHours(12), Given.Limits);

        Assert.False(complaint.ResolvedOnTime);
    }

    [Fact]
    public void ResolutionDue_ReferralDeadlineLaterThanOwn_OwnLimitCounts()
    {
        var complaint = Referred(completionDue: _t0.AddDays(5));

        Assert.Equal(_t0.AddHours(24), complaint.ResolutionDueAt(Given.Limits, _t0));

        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(5), Given.Limits);
        complaint.Resolve("已修复", Actors.Clerk, _t0.AddHours(30), Given.Limits);

        Assert.False(complaint.ResolvedOnTime);
        Assert.Equal(_t0.AddDays(5), Deadlines.Evaluate(complaint, _t0.AddHours(30), Given.Limits).Of(DeadlineKind.ReferralCompletion)!.DueAt);
    }

    [Fact]
    public void ResolutionDue_ReferralReturned_OwnLimitCountsAgain()
    {
        var complaint = Referred(completionDue: _t0.AddHours(6));

        complaint.RequestReferralReturn("不属本项目", Actors.Clerk, Given.Later);
        complaint.DecideReferralRequest(true, null, Actors.Supervisor, Given.Later);

        Assert.Equal(_t0.AddHours(24), complaint.ResolutionDueAt(Given.Limits, Given.Later));
    }

    [Fact]
    public void Deadlines_ReferralSteps_MetBySignForFeedbackAndReply()
    {
        var complaint = Referred();
        complaint.SignForReferral(_t0.AddMinutes(5), Actors.Clerk, _t0.AddMinutes(5));
        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(6), Given.Limits);
        complaint.RecordReferralReply("已处理", _t0.AddHours(12), Actors.Clerk, _t0.AddHours(12));

        var report = Deadlines.Evaluate(complaint, _t0.AddHours(12), Given.Limits);

        Assert.Equal(_t0.AddMinutes(5), report.Of(DeadlineKind.ReferralSignFor)!.MetAt);
        Assert.Equal(_t0.AddHours(12), report.Of(DeadlineKind.ReferralFirstFeedback)!.MetAt);
        Assert.True(report.Of(DeadlineKind.ReferralCompletion)!.WasMetLate);
        Assert.Equal(TimeSpan.FromHours(12), report.Of(DeadlineKind.ReferralCompletion)!.Limit);
    }

    [Fact]
    public void Clock_SignForMissed_RecordsItsOwnEscalationWithReasonInWords()
    {
        var complaint = Referred();
        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(5), Given.Limits);
        var recorded = new HashSet<(EscalationKind, long)>();

        var look = ClockRules.Look(complaint, recorded, _t0.AddHours(2), ProcedurePolicy.Default);

        var escalation = Assert.Single(look.Recorded, e => e.Kind == EscalationKind.ReferralSignForOverdue);
        Assert.Equal("转办签收超时：12345 热线工单 GD2026110088 应于 2026-11-02 10:30 前完成（时限 2 小时）", escalation.Detail);
        Assert.Contains(look.Recorded, e => e.Kind == EscalationKind.Level1 && e.Detail.Contains("转办签收超时", StringComparison.Ordinal));
        Assert.Equal("转办签收超时", EscalationText.Of(EscalationKind.ReferralSignForOverdue));
        Assert.True(EscalationText.IsOverdue(EscalationKind.ReferralCompletionOverdue));

        var again = ClockRules.Look(complaint, recorded, _t0.AddHours(3), ProcedurePolicy.Default);
        Assert.DoesNotContain(again.Recorded, e => e.Kind == EscalationKind.ReferralSignForOverdue);
    }

    [Fact]
    public void Clock_OnHold_ReferralDeadlinesStillWatched()
    {
        var complaint = Referred(signedForAt: _t0);
        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(5), Given.Limits);
        complaint.PutOnHold("等待业主回家", Actors.Clerk, _t0.AddMinutes(10));
        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddMinutes(10));

        Assert.Equal(_t0.AddHours(11.5), complaint.NextDueAt);
        Assert.Equal(_t0.AddHours(11.5).AddMicroseconds(1), complaint.ClockDueAt);

        var look = ClockRules.Look(complaint, new HashSet<(EscalationKind, long)>(), _t0.AddHours(12), ProcedurePolicy.Default);
        Assert.Contains(look.Recorded, e => e.Kind == EscalationKind.ReferralCompletionOverdue);

        // The hold moves our own limit, not the referring body's: the earlier (the referral's) is the resolution's too.
        Assert.Contains(look.Recorded, e => e.Kind == EscalationKind.ResolutionOverdue && e.DueAt == _t0.AddHours(11.5));
    }

    [Fact]
    public void Clock_OnHoldWithoutReferral_OwnLimitWaits()
    {
        var complaint = Given.InStatus(ComplaintStatus.OnHold);

        var look = ClockRules.Look(complaint, new HashSet<(EscalationKind, long)>(), _t0.AddHours(30), ProcedurePolicy.Default);

        Assert.DoesNotContain(look.Recorded, e => e.Kind == EscalationKind.ResolutionOverdue);
    }

    [Fact]
    public void Clock_ExtensionApproved_NewDeadlineCanFireAgain()
    {
        var complaint = Referred(signedForAt: _t0);
        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(5), Given.Limits);
        complaint.RecordReferralFirstFeedback("已联系", null, Actors.Clerk, _t0.AddMinutes(6));
        var recorded = new HashSet<(EscalationKind, long)>();
        ClockRules.Look(complaint, recorded, _t0.AddHours(12), ProcedurePolicy.Default);

        complaint.RequestReferralExtension("配件未到", _t0.AddDays(2), Actors.Clerk, _t0.AddHours(12));
        complaint.DecideReferralRequest(true, null, Actors.Supervisor, _t0.AddHours(13));
        var look = ClockRules.Look(complaint, recorded, _t0.AddDays(2).AddHours(1), ProcedurePolicy.Default);

        Assert.Equal(2, recorded.Count(r => r.Item1 == EscalationKind.ReferralCompletionOverdue));
        Assert.Contains(look.Recorded, e => e.Kind == EscalationKind.ReferralCompletionOverdue && e.DueAt == _t0.AddDays(2));
    }

    [Fact]
    public void ReferralMoves_Table_EveryMoveOneRuleWithChineseLabel_DecideForSupervisorsOnly()
    {
        Assert.Equal(Enum.GetValues<ReferralMove>().Order(), ReferralMoves.Rules.Select(r => r.Move).Order());
        Assert.All(ReferralMoves.Rules, r => Assert.True(Chinese.IsIn(r.Label), r.Label));
        Assert.Equal([StaffRole.Supervisor], ReferralMoves.RuleFor(ReferralMove.DecideRequest).Roles);
        Assert.True(ReferralMoves.RuleFor(ReferralMove.RequestExtension).ReasonRequired);
        Assert.True(ReferralMoves.RuleFor(ReferralMove.RequestReturn).ReasonRequired);
    }

    [Fact]
    public void ReferralMoves_Allowed_FollowsTheReferralsState()
    {
        var complaint = Referred();
        complaint.Dispatch(3, null, null, Actors.Clerk, _t0.AddMinutes(1), Given.Limits);

        Assert.Equal(
            [ReferralMove.SignFor, ReferralMove.FirstFeedback, ReferralMove.Reply, ReferralMove.RequestExtension, ReferralMove.RequestReturn],
            ReferralMoves.Allowed(complaint, Actors.Clerk));

        complaint.RequestReferralReturn("不属本项目", Actors.Clerk, Given.Later);

        Assert.Equal([ReferralMove.SignFor, ReferralMove.FirstFeedback, ReferralMove.Reply], ReferralMoves.Allowed(complaint, Actors.Clerk));
        Assert.Contains(ReferralMove.DecideRequest, ReferralMoves.Allowed(complaint, Actors.Supervisor));
        Assert.Empty(ReferralMoves.Allowed(complaint, Actors.Manager));
    }

    [Fact]
    public void ReferralMoves_WithdrawnComplaint_NoneAllowed()
    {
        var complaint = Referred();
        complaint.Withdraw(WithdrawReason.Duplicate, "重复", Actors.Supervisor, Given.Later);

        Assert.Empty(ReferralMoves.Allowed(complaint, Actors.Supervisor));
    }
}
