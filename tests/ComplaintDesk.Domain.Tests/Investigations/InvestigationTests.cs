using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Investigations;

/// <summary>调查处理报告 and 整改措施 (issue 17 section 2): who writes, who approves, what closing needs.</summary>
public class InvestigationTests
{
    private static readonly CompanyCalendar _calendar = CompanyCalendar.Default;
    private static readonly DateTime _now = Given.Later;

    /// <summary>A major complaint (3.1.2(d)) in <paramref name="status"/>.</summary>
    private static Complaint Major(ComplaintStatus status = ComplaintStatus.Resolved)
    {
        var complaint = Given.InStatus(status, FactsSpec.A("gov"));
        Assert.Equal(Severity.Major, complaint.Severity);
        return complaint;
    }

    private static Complaint Approved(ComplaintStatus status = ComplaintStatus.Resolved)
    {
        var complaint = Major(status);
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);
        complaint.ApproveInvestigation("同意", Actors.Manager, _now.AddMinutes(5));
        return complaint;
    }

    [Fact]
    public void RecordFollowUp_SatisfiedOnMajorWithoutInvestigation_ThrowsInvestigationRequiredAndChangesNothing()
    {
        var complaint = Major();
        var versionBefore = complaint.Version;

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, _now, Given.Policy));

        Assert.Equal(RuleCodes.InvestigationRequired, refusal.RuleCode);
        Assert.Equal("重大投诉须由客服主管填写调查处理报告并经经理审核通过后才能结案。", refusal.Message);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Empty(complaint.FollowUps);
        Assert.Equal(versionBefore, complaint.Version);
    }

    [Theory]
    [InlineData(FollowUpOutcome.Dissatisfied, ComplaintStatus.InProgress)]
    [InlineData(FollowUpOutcome.Unreachable, ComplaintStatus.Resolved)]
    public void RecordFollowUp_NotClosingOnMajorWithoutInvestigation_IsRecorded(FollowUpOutcome outcome, ComplaintStatus after)
    {
        var complaint = Major();

        complaint.RecordFollowUp(FollowUpMethod.Phone, outcome, null, Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(after, complaint.Status);
    }

    [Fact]
    public void RecordFollowUp_MajorWithReportWaitingForReview_ThrowsAndSaysSo()
    {
        var complaint = Major();
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.RecordFollowUp(FollowUpMethod.Visit, FollowUpOutcome.BasicallySatisfied, null, Actors.Supervisor, _now, Given.Policy));

        Assert.Equal(RuleCodes.InvestigationRequired, refusal.RuleCode);
        Assert.Equal("重大投诉的调查处理报告须经经理审核通过后才能结案（当前：待审核）。", refusal.Message);
    }

    [Fact]
    public void RecordFollowUp_MajorWithApprovedInvestigation_Closes()
    {
        var complaint = Approved();

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, _now.AddMinutes(10), Given.Policy);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void RecordFollowUp_NotMajorWithoutInvestigation_Closes()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("fault"));

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void CloseAsUnreachable_MajorWithoutApprovedInvestigation_ThrowsAndIsNotOffered()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("gov"), unreachableAttempts: 3);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.CloseAsUnreachable("三次未联系上", Actors.Supervisor, _now, Given.Limits, FollowUpRules.None));

        Assert.Equal(RuleCodes.InvestigationRequired, refusal.RuleCode);
        Assert.DoesNotContain(ComplaintMove.CloseUnreachable, complaint.AllowedMoves(Actors.Supervisor, Given.Limits, FollowUpRules.None));
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
    }

    [Fact]
    public void CloseAsUnreachable_MajorWithApprovedInvestigation_Closes()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("gov"), unreachableAttempts: 3);
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);
        complaint.ApproveInvestigation(null, Actors.Manager, _now);

        Assert.Contains(ComplaintMove.CloseUnreachable, complaint.AllowedMoves(Actors.Supervisor, Given.Limits, FollowUpRules.None));
        complaint.CloseAsUnreachable("三次未联系上", Actors.Supervisor, _now, Given.Limits, FollowUpRules.None);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void Resolve_AfterDissatisfiedWithSecondFollowUpOffOnMajorWithoutInvestigation_Throws()
    {
        // With 二次回访 off, resolving again closes at once: the close rule applies to it.
        var complaint = Major();
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Supervisor, _now, Given.Policy, FollowUpRules.None);
        var rules = FollowUpRules.Default with { SecondAfterDissatisfied = false };

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.Resolve("再次处理", Actors.Clerk, _now.AddHours(1), Given.Limits, rules));

        Assert.Equal(RuleCodes.InvestigationRequired, refusal.RuleCode);
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Null(complaint.ResolvedAt);
    }

    [Fact]
    public void WriteInvestigation_BySupervisor_StoresReportWaitingForReviewWithDraftActions()
    {
        var complaint = Major(ComplaintStatus.InProgress);

        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        var investigation = complaint.Investigation!;
        Assert.Equal(InvestigationStatus.Submitted, complaint.InvestigationStatus);
        Assert.Equal(InvestigationStatus.Submitted, investigation.Status);
        Assert.Equal(("工程部", "李师傅", "李主管"), (investigation.ResponsibleDepartmentName, investigation.ResponsiblePerson, investigation.WrittenByName));
        Assert.StartsWith("维保单位夜间值班人员不足", investigation.Cause, StringComparison.Ordinal);
        var actions = complaint.CurrentCorrectiveActions.ToList();
        Assert.Equal([1, 2], actions.Select(a => a.No));
        Assert.All(actions, a => Assert.Equal(CorrectiveActionStatus.Draft, a.Status));
        Assert.All(actions, a => Assert.Null(a.ClockDueAt));

        // Due by the end of 20 November in Shanghai: 16:00 UTC that day.
        Assert.Equal(new DateTime(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc), actions[0].DueAt);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.InvestigationWritten, entry.Kind);
        Assert.Equal("填写调查处理报告：责任部门 工程部/李师傅，整改措施 2 项，待经理审核", entry.Detail);
    }

    [Fact]
    public void AllowedMoves_Major_OffersTheReportToSupervisorsOnly_NotMajor_NotOffered()
    {
        var major = Major();
        var minor = Given.InStatus(ComplaintStatus.Resolved);

        Assert.Contains(ComplaintMove.WriteInvestigation, major.AllowedMoves(Actors.Supervisor, Given.Limits));
        Assert.DoesNotContain(ComplaintMove.WriteInvestigation, major.AllowedMoves(Actors.Clerk, Given.Limits));
        Assert.DoesNotContain(ComplaintMove.WriteInvestigation, minor.AllowedMoves(Actors.Supervisor, Given.Limits));
    }

    [Fact]
    public void WriteInvestigation_NotMajor_IsAllowed()
    {
        // Not required, but a supervisor may investigate any complaint once the work has started.
        var complaint = Given.InStatus(ComplaintStatus.InProgress, FactsSpec.A("fault"));

        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        Assert.Equal(InvestigationStatus.Submitted, complaint.InvestigationStatus);
        Assert.Contains(ComplaintMove.ApproveInvestigation, complaint.AllowedMoves(Actors.Manager, Given.Limits));
    }

    [Theory]
    [InlineData(StaffRole.Clerk)]
    [InlineData(StaffRole.Manager)]
    [InlineData(StaffRole.Admin)]
    public void WriteInvestigation_NotBySupervisor_ThrowsRoleNotAllowed(StaffRole role)
    {
        var complaint = Major();

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.WriteInvestigation(Given.Investigation(), Actors.With(role), _now, _calendar));

        Assert.Equal(RuleCodes.RoleNotAllowed, refusal.RuleCode);
        Assert.Equal("只有客服主管可以填写调查处理报告。", refusal.Message);
        Assert.Null(complaint.InvestigationStatus);
    }

    [Theory]
    [InlineData(StaffRole.Clerk)]
    [InlineData(StaffRole.Supervisor)]
    [InlineData(StaffRole.Admin)]
    public void ApproveInvestigation_NotByManager_ThrowsRoleNotAllowed(StaffRole role)
    {
        var complaint = Major();
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.ApproveInvestigation(null, Actors.With(role), _now));

        Assert.Equal(RuleCodes.RoleNotAllowed, refusal.RuleCode);
        Assert.Equal("只有经理可以审核通过调查处理报告。", refusal.Message);
        Assert.Equal(InvestigationStatus.Submitted, complaint.InvestigationStatus);
    }

    [Fact]
    public void WriteInvestigation_WithoutActions_ThrowsNoActions()
    {
        var complaint = Major();

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.WriteInvestigation(Given.Investigation() with { Actions = [] }, Actors.Supervisor, _now, _calendar));

        Assert.Equal(RuleCodes.InvestigationNoActions, refusal.RuleCode);
        Assert.Null(complaint.Investigation);
    }

    [Theory]
    [InlineData("", "原因分析", "请填写原因分析。")]
    [InlineData("what", "事情经过", "请填写事情经过。")]
    [InlineData("action", "内容", "请填写第 1 项整改措施的内容。")]
    public void WriteInvestigation_BlankText_ThrowsInvalidInput(string blank, string field, string message)
    {
        var complaint = Major();
        var report = blank switch
        {
            "what" => Given.Investigation() with { WhatHappened = " " },
            "action" => Given.Investigation() with { Actions = [new CorrectiveActionPlan("  ", 3, "工程部", new DateOnly(2026, 11, 20))] },
            _ => Given.Investigation(cause: "\t"),
        };

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.WriteInvestigation(report, Actors.Supervisor, _now, _calendar));

        Assert.Equal(RuleCodes.InvalidInput, refusal.RuleCode);
        Assert.Contains(field, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(message, refusal.Message);
        Assert.Null(complaint.Investigation);
    }

    [Fact]
    public void WriteInvestigation_DueDateBeforeToday_ThrowsDueDate()
    {
        var complaint = Major();
        var report = Given.Investigation() with { Actions = [new CorrectiveActionPlan("整改", 3, "工程部", new DateOnly(2026, 11, 1))] };

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.WriteInvestigation(report, Actors.Supervisor, _now, _calendar));

        Assert.Equal(RuleCodes.CorrectiveActionDueDate, refusal.RuleCode);
        Assert.Equal("第 1 项整改措施的完成期限须不早于今天。", refusal.Message);
    }

    [Fact]
    public void WriteInvestigation_DueToday_IsAllowed()
    {
        var complaint = Major();
        var today = DateOnly.FromDateTime(_calendar.ToLocal(_now));
        var report = Given.Investigation() with { Actions = [new CorrectiveActionPlan("当天整改", 3, "工程部", today)] };

        complaint.WriteInvestigation(report, Actors.Supervisor, _now, _calendar);

        Assert.Equal(today, complaint.CorrectiveActions[0].DueOn);
    }

    [Fact]
    public void ApproveInvestigation_ByManager_OpensActionsWithTheirClock()
    {
        var complaint = Major();
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        complaint.ApproveInvestigation(" 同意 ", Actors.Manager, _now.AddHours(2));

        Assert.Equal(InvestigationStatus.Approved, complaint.InvestigationStatus);
        var investigation = complaint.Investigation!;
        Assert.Equal(("王经理", "同意", _now.AddHours(2)), (investigation.ReviewedByName, investigation.ReviewNote, investigation.ReviewedAt));
        Assert.All(complaint.CorrectiveActions, a =>
        {
            Assert.Equal(CorrectiveActionStatus.Open, a.Status);
            Assert.Equal(_now.AddHours(2), a.OpenedAt);
            Assert.Equal(1, a.Round);
            Assert.Equal(a.DueAt.AddMicroseconds(1), a.ClockDueAt);
        });
        Assert.Equal("调查处理报告审核通过，2 项整改措施开始整改", complaint.Timeline[^1].Detail);
    }

    [Fact]
    public void ApproveInvestigation_ByItsWriter_ThrowsOwnReview()
    {
        var both = Actor.Staff("x1", "钱总", StaffRole.Supervisor, StaffRole.Manager);
        var complaint = Major();
        complaint.WriteInvestigation(Given.Investigation(), both, _now, _calendar);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.ApproveInvestigation(null, both, _now));

        Assert.Equal(RuleCodes.InvestigationOwnReview, refusal.RuleCode);
        Assert.Equal(InvestigationStatus.Submitted, complaint.InvestigationStatus);
    }

    [Fact]
    public void ApproveInvestigation_NoneWritten_ThrowsNotSubmittedAndIsNotOffered()
    {
        var complaint = Major();

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.ApproveInvestigation(null, Actors.Manager, _now));

        Assert.Equal(RuleCodes.InvestigationNotSubmitted, refusal.RuleCode);
        Assert.Equal("没有待审核的调查处理报告。", refusal.Message);
        Assert.DoesNotContain(ComplaintMove.ApproveInvestigation, complaint.AllowedMoves(Actors.Manager, Given.Limits));
        Assert.DoesNotContain(ComplaintMove.ReturnInvestigation, complaint.AllowedMoves(Actors.Manager, Given.Limits));
    }

    [Fact]
    public void ApproveInvestigation_DueDatePassedMeanwhile_ThrowsDueDate()
    {
        var complaint = Major();
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.ApproveInvestigation(null, Actors.Manager, new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(RuleCodes.CorrectiveActionDueDate, refusal.RuleCode);
        Assert.Equal("第 1 项整改措施的完成期限（2026-11-20）已过，请退回修改期限。", refusal.Message);
        Assert.All(complaint.CorrectiveActions, a => Assert.Equal(CorrectiveActionStatus.Draft, a.Status));
    }

    [Fact]
    public void ReturnInvestigation_WithReason_ThenRevised_ReplacesActionsAndWaitsAgain()
    {
        var complaint = Major();
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        Assert.Throws<DomainRuleException>(() => complaint.ReturnInvestigation(" ", Actors.Manager, _now));
        complaint.ReturnInvestigation("请补充维保记录", Actors.Manager, _now.AddMinutes(1));
        Assert.Equal(InvestigationStatus.Returned, complaint.InvestigationStatus);
        Assert.Equal("请补充维保记录", complaint.Investigation!.ReviewNote);
        Assert.Contains(ComplaintMove.WriteInvestigation, complaint.AllowedMoves(Actors.Supervisor, Given.Limits));

        var revised = Given.Investigation() with { Actions = [new CorrectiveActionPlan("更换维保单位", 3, "工程部", new DateOnly(2026, 12, 31))] };
        complaint.WriteInvestigation(revised, Actors.Supervisor, _now.AddMinutes(2), _calendar);

        Assert.Equal(InvestigationStatus.Submitted, complaint.InvestigationStatus);
        Assert.Equal(3, complaint.CorrectiveActions.Count);
        Assert.Equal(2, complaint.CorrectiveActions.Count(a => a.Status == CorrectiveActionStatus.Cancelled));
        Assert.Equal("更换维保单位", Assert.Single(complaint.CurrentCorrectiveActions).Description);
        Assert.StartsWith("修改调查处理报告", complaint.Timeline[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteInvestigation_AfterApproval_ThrowsAndIsNotOffered()
    {
        var complaint = Approved();

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now.AddHours(1), _calendar));

        Assert.Equal(RuleCodes.InvestigationApproved, refusal.RuleCode);
        Assert.DoesNotContain(ComplaintMove.WriteInvestigation, complaint.AllowedMoves(Actors.Supervisor, Given.Limits));
    }

    [Fact]
    public void CompleteCorrectiveAction_Open_StopsItsClockAndWaitsForVerification()
    {
        var complaint = Approved();
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, _now.AddHours(1), Given.Policy);
        Assert.Contains(ComplaintMove.CompleteCorrectiveAction, complaint.AllowedMoves(Actors.Clerk, Given.Limits));

        complaint.CompleteCorrectiveAction(2, "已组织演练，12 人参加", Actors.Clerk, _now.AddDays(3));

        var action = complaint.CorrectiveActions.Single(a => a.No == 2);
        Assert.Equal(CorrectiveActionStatus.Completed, action.Status);
        Assert.Equal(("张三", "已组织演练，12 人参加", _now.AddDays(3)), (action.CompletedByName, action.CompletionNote, action.CompletedAt));
        Assert.Null(action.ClockDueAt);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal("整改措施 2「客服部组织电梯困人应急演练」整改完成，待验证", complaint.Timeline[^1].Detail);
    }

    [Fact]
    public void CompleteCorrectiveAction_AfterDueDate_IsMarkedLate()
    {
        var complaint = Approved();

        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc));

        Assert.Contains("（逾期完成）", complaint.Timeline[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteCorrectiveAction_TwiceOrUnknown_Throws()
    {
        var complaint = Approved();
        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _now.AddDays(1));

        var twice = Assert.Throws<DomainRuleException>(() => complaint.CompleteCorrectiveAction(1, "再次", Actors.Clerk, _now.AddDays(2)));
        var unknown = Assert.Throws<DomainRuleException>(() => complaint.CompleteCorrectiveAction(7, "无", Actors.Clerk, _now.AddDays(2)));
        var blank = Assert.Throws<DomainRuleException>(() => complaint.CompleteCorrectiveAction(2, " ", Actors.Clerk, _now.AddDays(2)));

        Assert.Equal(RuleCodes.CorrectiveActionNotInStatus, twice.RuleCode);
        Assert.Equal("第 1 项整改措施当前为「待验证」，不是「整改中」。", twice.Message);
        Assert.Equal(RuleCodes.CorrectiveActionNotFound, unknown.RuleCode);
        Assert.Equal(RuleCodes.ReasonRequired, blank.RuleCode);
    }

    [Fact]
    public void CompleteCorrectiveAction_BeforeApproval_IsNotOfferedAndThrows()
    {
        var complaint = Major();
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);

        Assert.DoesNotContain(ComplaintMove.CompleteCorrectiveAction, complaint.AllowedMoves(Actors.Clerk, Given.Limits));
        var refusal = Assert.Throws<DomainRuleException>(() => complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _now));

        Assert.Equal(RuleCodes.CorrectiveActionNotInStatus, refusal.RuleCode);
    }

    [Fact]
    public void VerifyCorrectiveAction_Passed_RecordsWhoWhenResult()
    {
        var complaint = Approved();
        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _now.AddDays(1));
        Assert.DoesNotContain(ComplaintMove.VerifyCorrectiveAction, complaint.AllowedMoves(Actors.Clerk, Given.Limits));
        Assert.Contains(ComplaintMove.VerifyCorrectiveAction, complaint.AllowedMoves(Actors.Supervisor, Given.Limits));

        complaint.VerifyCorrectiveAction(1, VerificationResult.Passed, "夜间抽查有人值班", null, Actors.Supervisor, _now.AddDays(2), _calendar);

        var action = complaint.CorrectiveActions.Single(a => a.No == 1);
        Assert.Equal(CorrectiveActionStatus.Verified, action.Status);
        Assert.Equal(("李主管", _now.AddDays(2), VerificationResult.Passed, "夜间抽查有人值班"),
            (action.VerifiedByName, action.VerifiedAt, action.VerificationResult, action.VerificationNote));
        Assert.Equal(TimelineKind.CorrectiveActionVerified, complaint.Timeline[^1].Kind);
    }

    [Fact]
    public void VerifyCorrectiveAction_ByClerk_ThrowsRoleNotAllowed()
    {
        var complaint = Approved();
        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _now.AddDays(1));

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.VerifyCorrectiveAction(1, VerificationResult.Passed, null, null, Actors.Clerk, _now.AddDays(2), _calendar));

        Assert.Equal(RuleCodes.RoleNotAllowed, refusal.RuleCode);
    }

    [Fact]
    public void VerifyCorrectiveAction_Failed_NeedsReasonAndNewDueDate_ThenOpensNextRound()
    {
        var complaint = Approved();
        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _now.AddDays(1));
        var at = _now.AddDays(2);

        var noReason = Assert.Throws<DomainRuleException>(() =>
            complaint.VerifyCorrectiveAction(1, VerificationResult.Failed, null, new DateOnly(2026, 12, 10), Actors.Supervisor, at, _calendar));
        var noDate = Assert.Throws<DomainRuleException>(() =>
            complaint.VerifyCorrectiveAction(1, VerificationResult.Failed, "夜间无人值班", null, Actors.Supervisor, at, _calendar));
        Assert.Equal(RuleCodes.ReasonRequired, noReason.RuleCode);
        Assert.Equal(RuleCodes.CorrectiveActionDueDate, noDate.RuleCode);

        complaint.VerifyCorrectiveAction(1, VerificationResult.Failed, "夜间无人值班", new DateOnly(2026, 12, 10), Actors.Supervisor, at, _calendar);

        var action = complaint.CorrectiveActions.Single(a => a.No == 1);
        Assert.Equal(CorrectiveActionStatus.Open, action.Status);
        Assert.Equal((2, new DateOnly(2026, 12, 10), at), (action.Round, action.DueOn, action.RoundStartedAt));
        Assert.Equal(VerificationResult.Failed, action.VerificationResult);
        Assert.Null(action.CompletedAt);
        Assert.Equal(action.DueAt.AddMicroseconds(1), action.ClockDueAt);
        Assert.Equal("整改措施 1「约谈维保单位，夜间增派值班人员」验证未通过，重新整改，期限 2026-12-10", complaint.Timeline[^1].Detail);
    }

    [Fact]
    public void Withdraw_WithUnfinishedActions_CancelsThem()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress, FactsSpec.A("gov"));
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);
        complaint.ApproveInvestigation(null, Actors.Manager, _now);
        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _now.AddHours(1));

        complaint.Withdraw(WithdrawReason.ByComplainant, "业主撤回", Actors.Supervisor, _now.AddHours(2));

        Assert.Equal(CorrectiveActionStatus.Completed, complaint.CorrectiveActions.Single(a => a.No == 1).Status);
        var cancelled = complaint.CorrectiveActions.Single(a => a.No == 2);
        Assert.Equal(CorrectiveActionStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.ClockDueAt);
    }

    [Fact]
    public void InvestigationMoves_ChangeOnlyWhatTheySay_NotTheStatus()
    {
        var complaint = Major(ComplaintStatus.InProgress);

        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _now, _calendar);
        complaint.ApproveInvestigation(null, Actors.Manager, _now);

        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Equal(ComplaintStatus.InProgress, complaint.Timeline[^1].ToStatus);
    }
}
