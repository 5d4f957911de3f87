using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Complaints;

public class ComplaintTests
{
    private static readonly DateTime _now = Given.Later;

    /// <summary>The rules with unanswered attempts counted one by one (the builder's attempts fall on one day).</summary>
    private static readonly FollowUpRules _sameDayAttempts = FollowUpRules.Default with { UnreachableOnDifferentDays = false };

    [Fact]
    public void Register_Intake_StartsRegisteredWithClassificationAndTimelineEntry()
    {
        var complaint = Given.Registered(FactsSpec.A("fault"));

        Assert.Equal(ComplaintStatus.Registered, complaint.Status);
        Assert.Equal(ComplaintType.A, complaint.Type);
        Assert.Equal(Severity.Important, complaint.Severity);
        Assert.Equal("3.1.1(a);3.1.3", complaint.Clauses);
        var entry = Assert.Single(complaint.Timeline);
        Assert.Equal(TimelineKind.Registered, entry.Kind);
        Assert.Equal(Given.T0, entry.At);
        Assert.Equal(Actors.Clerk.Id, entry.ActorId);
        Assert.Null(entry.FromStatus);
        Assert.Equal(ComplaintStatus.Registered, entry.ToStatus);
        Assert.Equal("A/重要 [3.1.1(a);3.1.3]", entry.Detail);
    }

    [Theory]
    [InlineData("fault", false, false)]
    [InlineData("raised=2", true, false)]
    [InlineData("gov", false, true)]
    [InlineData("raised=3 gov", true, true)]
    public void Register_Facts_MarksRepeatAndGovernmentReferralForTheReport(string spec, bool repeat, bool referral)
    {
        var complaint = Given.Registered(FactsSpec.A(spec));

        Assert.Equal(repeat, complaint.IsRepeat);
        Assert.Equal(referral, complaint.IsGovernmentReferral);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Register_RaisedTwice_RepeatByThePolicysThreshold(int repeatRaises, bool repeat)
    {
        var complaint = Given.Registered(FactsSpec.A("raised=2"), policy: Given.Policy with { RepeatRaises = repeatRaises });

        Assert.Equal(repeat, complaint.IsRepeat);
    }

    [Fact]
    public void Register_TypedDaysUnresolved_IsIgnoredBecauseTheClockComputesIt()
    {
        var complaint = Given.Registered(FactsSpec.A("days=45"));

        Assert.Equal(0, complaint.Facts.DaysUnresolved);
        Assert.Equal(Severity.Minor, complaint.Severity);
    }

    [Theory]
    [InlineData(ComplaintMove.PutOnHold, ComplaintStatus.InProgress, "")]
    [InlineData(ComplaintMove.PutOnHold, ComplaintStatus.InProgress, "   ")]
    [InlineData(ComplaintMove.CloseUnreachable, ComplaintStatus.Resolved, "")]
    [InlineData(ComplaintMove.CloseUnreachable, ComplaintStatus.Resolved, " ")]
    [InlineData(ComplaintMove.Reopen, ComplaintStatus.Closed, "")]
    [InlineData(ComplaintMove.Reopen, ComplaintStatus.Closed, "\t")]
    [InlineData(ComplaintMove.Reclassify, ComplaintStatus.InProgress, "")]
    [InlineData(ComplaintMove.Reclassify, ComplaintStatus.Registered, "  ")]
    [InlineData(ComplaintMove.Withdraw, ComplaintStatus.Registered, "")]
    [InlineData(ComplaintMove.Withdraw, ComplaintStatus.InProgress, " ")]
    public void Move_WithoutReason_ThrowsReasonRequiredAndChangesNothing(ComplaintMove move, ComplaintStatus status, string reason)
    {
        Assert.True(Lifecycle.RuleFor(move).ReasonRequired);
        var complaint = Given.InStatus(status, unreachableAttempts: 3);
        var entriesBefore = complaint.Timeline.Count;
        var versionBefore = complaint.Version;
        var clausesBefore = complaint.Clauses;

        var refusal = Assert.Throws<DomainRuleException>(() => Moves.Perform(complaint, move, Actors.Supervisor, _now, reason));

        Assert.Equal(RuleCodes.ReasonRequired, refusal.RuleCode);
        Assert.True(Chinese.IsIn(refusal.Message), refusal.Message);
        Assert.Equal(status, complaint.Status);
        Assert.Equal(entriesBefore, complaint.Timeline.Count);
        Assert.Equal(versionBefore, complaint.Version);
        Assert.Equal(clausesBefore, complaint.Clauses);
    }

    [Fact]
    public void RecordFollowUp_DissatisfiedWithPromisedService_ReopensAndBecomesMajorUnder312a()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("promised"));
        Assert.Equal(Severity.Minor, complaint.Severity);
        var entriesBefore = complaint.Timeline.Count;

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, "电梯仍然故障", Actors.Caller, _now, Given.Policy);

        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Equal(2, complaint.Facts.TimesRaisedUnresolved);
        Assert.True(complaint.IsRepeat);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.Null(complaint.ResolvedAt);
        Assert.Null(complaint.HoursToResolve);
        Assert.Equal(_now, complaint.ResolutionClockStart);
        Assert.Equal(FollowUpOutcome.Dissatisfied, complaint.LastFollowUpOutcome);
        Assert.Equal(Severity.Major, complaint.Severity);
        Assert.Equal("3.1.1(a);3.1.2(a)", complaint.Clauses);
        Assert.Equal(_now, complaint.BecameMajorAt);
        var becameMajor = Assert.Single(complaint.Events);
        Assert.Equal(ComplaintEventKind.BecameMajor, becameMajor.Kind);
        Assert.Equal(_now, becameMajor.At);

        var followUp = complaint.Timeline[entriesBefore];
        Assert.Equal(TimelineKind.FollowUp, followUp.Kind);
        Assert.Equal(ComplaintStatus.Resolved, followUp.FromStatus);
        Assert.Equal(ComplaintStatus.InProgress, followUp.ToStatus);
        Assert.Equal("电梯仍然故障", followUp.Note);
        var raise = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.RepeatRaise, raise.Kind);
        Assert.Equal("A/轻微 [3.1.1(a);3.1.4] → A/重大 [3.1.1(a);3.1.2(a)]", raise.Detail);
    }

    [Fact]
    public void RecordFollowUp_DissatisfiedWithoutPromisedService_CountsRaiseButStaysMinor()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        complaint.RecordFollowUp(FollowUpMethod.Visit, FollowUpOutcome.Dissatisfied, null, Actors.Caller, _now, Given.Policy);

        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Equal(2, complaint.Facts.TimesRaisedUnresolved);
        Assert.Equal(Severity.Minor, complaint.Severity);
        Assert.Empty(complaint.Events);
    }

    [Theory]
    [InlineData(FollowUpOutcome.Satisfied)]
    [InlineData(FollowUpOutcome.BasicallySatisfied)]
    public void RecordFollowUp_Satisfied_ClosesAndKeepsTheFollowUp(FollowUpOutcome outcome)
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        complaint.RecordFollowUp(FollowUpMethod.WeChat, outcome, "已解决", Actors.Caller, _now, Given.Policy);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(_now, complaint.ClosedAt);
        Assert.Equal(_now, complaint.FollowedUpAt);
        var followUp = Assert.Single(complaint.FollowUps);
        Assert.Equal(outcome, followUp.Outcome);
        Assert.Equal(FollowUpMethod.WeChat, followUp.Method);
        Assert.Equal(1, complaint.Facts.TimesRaisedUnresolved);
    }

    [Fact]
    public void Reopen_ClosedPromisedService_SecondRaiseBecomesMajorUnder312a()
    {
        var complaint = Given.InStatus(ComplaintStatus.Closed, FactsSpec.A("promised"));

        complaint.Reopen("业主再次来电反映", Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Equal(2, complaint.Facts.TimesRaisedUnresolved);
        Assert.Equal(Severity.Major, complaint.Severity);
        Assert.Contains("3.1.2(a)", complaint.Clauses.Split(';'));
        Assert.Null(complaint.ClosedAt);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.Contains(complaint.Events, e => e.Kind == ComplaintEventKind.BecameMajor);
        Assert.Equal(TimelineKind.RepeatRaise, complaint.Timeline[^1].Kind);
        Assert.StartsWith("A/轻微", complaint.Timeline[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_PromisedServiceWithRaisesThresholdThree_StaysMinorOnSecondRaise()
    {
        var complaint = Given.InStatus(ComplaintStatus.Closed, FactsSpec.A("promised"));

        complaint.Reopen("业主再次来电反映", Actors.Supervisor, _now, new ClassificationPolicy { RaisesForMajor = 3 });

        Assert.Equal(2, complaint.Facts.TimesRaisedUnresolved);
        Assert.Equal(Severity.Minor, complaint.Severity);
    }

    [Fact]
    public void RecordRepeatRaise_OpenPromisedService_BecomesMajorOnSecondRaise()
    {
        var complaint = Given.InStatus(ComplaintStatus.OnHold, FactsSpec.A("promised"));

        complaint.RecordRepeatRaise(null, Actors.Clerk, _now, Given.Policy);

        Assert.Equal(ComplaintStatus.OnHold, complaint.Status);
        Assert.Equal(2, complaint.Facts.TimesRaisedUnresolved);
        Assert.True(complaint.IsMajor);
        Assert.Equal("业主再次反映（第 2 次反映）", complaint.Timeline[^1].Note);
    }

    [Fact]
    public void Reclassify_ChangedFacts_KeepsOldResultInTimelineDetail()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        var result = complaint.Reclassify(complaint.Facts with { CompanyAtFault = true }, "核实为员工人为过失", Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(Severity.Important, result.Severity);
        Assert.Equal(Severity.Important, complaint.Severity);
        Assert.Equal("3.1.1(a);3.1.3", complaint.Clauses);
        Assert.True(complaint.Facts.CompanyAtFault);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.Reclassified, entry.Kind);
        Assert.Equal(Actors.Supervisor.Id, entry.ActorId);
        Assert.Equal("核实为员工人为过失", entry.Note);
        Assert.Equal("A/轻微 [3.1.1(a);3.1.4] → A/重要 [3.1.1(a);3.1.3]", entry.Detail);
    }

    [Fact]
    public void Reclassify_ToEngineeringQuality_DropsSeverityAndRaisesFlags()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress, FactsSpec.A("fault"));

        complaint.Reclassify(FactsSpec.Parse(Cause.EngineeringQuality, "people=12"), "系房屋质量问题", Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(ComplaintType.B, complaint.Type);
        Assert.Null(complaint.Severity);
        Assert.Equal("Group", complaint.Flags);
        Assert.True(complaint.IsGroup);
        Assert.Equal("A/重要 [3.1.1(a);3.1.3] → B/不分级 [3.1.1(b)]", complaint.Timeline[^1].Detail);
    }

    [Fact]
    public void Reclassify_InvalidFacts_ThrowsInvalidInputAndChangesNothing()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var versionBefore = complaint.Version;

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.Reclassify(complaint.Facts with { ComplainantCount = 0 }, "更正人数", Actors.Supervisor, _now, Given.Policy));

        Assert.Equal(RuleCodes.InvalidInput, refusal.RuleCode);
        Assert.Equal(versionBefore, complaint.Version);
    }

    [Fact]
    public void RecordFollowUp_Unreachable_CountsAttemptsAndStaysResolved()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, "无人接听", Actors.Caller, _now.AddHours(attempt), Given.Policy);

            Assert.Equal(attempt, complaint.FailedFollowUpAttempts);
            Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
            var entry = complaint.Timeline[^1];
            Assert.Equal(TimelineKind.FollowUp, entry.Kind);
            Assert.Contains($"第 {attempt} 次未联系上", entry.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(3, complaint.FollowUps.Count);
        Assert.Null(complaint.FollowedUpAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void CloseAsUnreachable_FewerThanThreeAttempts_ThrowsFollowUpAttemptsTooFew(int attempts)
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, unreachableAttempts: attempts);
        var versionBefore = complaint.Version;
        var entriesBefore = complaint.Timeline.Count;

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.CloseAsUnreachable("多次联系不上", Actors.Supervisor, _now, Given.Limits, _sameDayAttempts));

        Assert.Equal(RuleCodes.FollowUpAttemptsTooFew, refusal.RuleCode);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Equal(versionBefore, complaint.Version);
        Assert.Equal(entriesBefore, complaint.Timeline.Count);
        Assert.DoesNotContain(ComplaintMove.CloseUnreachable, complaint.AllowedMoves(Actors.Supervisor, Given.Limits, _sameDayAttempts));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void CloseAsUnreachable_ThreeOrMoreAttempts_ClosesWithTimelineEntry(int attempts)
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, unreachableAttempts: attempts);
        Assert.Contains(ComplaintMove.CloseUnreachable, complaint.AllowedMoves(Actors.Supervisor, Given.Limits, _sameDayAttempts));

        complaint.CloseAsUnreachable("三次回访均未联系上", Actors.Supervisor, _now, Given.Limits, _sameDayAttempts);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(_now, complaint.ClosedAt);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.Closed, entry.Kind);
        Assert.Equal(ComplaintStatus.Resolved, entry.FromStatus);
        Assert.Equal(ComplaintStatus.Closed, entry.ToStatus);
        Assert.Equal("无法联系", entry.Detail);
    }

    [Fact]
    public void CloseAsUnreachable_PolicyOfTwoAttempts_ClosesAfterTwo()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, unreachableAttempts: 2);
        var limits = new TimeLimitPolicy { FollowUpAttemptsBeforeUnreachable = 2 };

        complaint.CloseAsUnreachable("两次回访均未联系上", Actors.Supervisor, _now, limits, _sameDayAttempts);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void Resolve_AfterReopen_HoursToResolveCountFromRegistration()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        Assert.Null(complaint.HoursToResolve);

        complaint.Resolve("已维修", Actors.Clerk, Given.T0.AddHours(30).AddMinutes(15), Given.Limits);
        Assert.Equal(30.25, complaint.HoursToResolve);

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Caller, Given.T0.AddHours(40), Given.Policy);
        Assert.Null(complaint.HoursToResolve);

        complaint.Resolve("再次维修完成", Actors.Clerk, Given.T0.AddHours(50.5), Given.Limits);
        Assert.Equal(50.5, complaint.HoursToResolve);
    }

    [Fact]
    public void Resolve_AfterUnreachableAttemptsAndReopen_StartsCountingAgain()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, unreachableAttempts: 2);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Caller, _now, Given.Policy);

        complaint.Resolve("再次维修完成", Actors.Clerk, _now.AddHours(1), Given.Limits);

        Assert.Equal(0, complaint.FailedFollowUpAttempts);
    }

    [Theory]
    [InlineData(ComplaintStatus.Registered, StaffRole.Clerk, ComplaintMove.Dispatch, ComplaintMove.RecordRepeatRaise, ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.Registered, StaffRole.Supervisor,
        ComplaintMove.Dispatch, ComplaintMove.Reclassify, ComplaintMove.Withdraw, ComplaintMove.RecordRepeatRaise, ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.Registered, StaffRole.Manager)]
    [InlineData(ComplaintStatus.Registered, StaffRole.Admin)]
    [InlineData(ComplaintStatus.InProgress, StaffRole.Clerk,
        ComplaintMove.Reassign, ComplaintMove.RecordProgress, ComplaintMove.PutOnHold, ComplaintMove.Resolve, ComplaintMove.RecordRepeatRaise,
        ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.InProgress, StaffRole.Supervisor,
        ComplaintMove.Reassign, ComplaintMove.RecordProgress, ComplaintMove.PutOnHold, ComplaintMove.Resolve,
        ComplaintMove.Reclassify, ComplaintMove.Withdraw, ComplaintMove.RecordRepeatRaise, ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.InProgress, StaffRole.Manager)]
    [InlineData(ComplaintStatus.OnHold, StaffRole.Clerk, ComplaintMove.Resume, ComplaintMove.RecordRepeatRaise, ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.OnHold, StaffRole.Supervisor, ComplaintMove.Resume, ComplaintMove.Reclassify, ComplaintMove.RecordRepeatRaise, ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.Resolved, StaffRole.Clerk, ComplaintMove.RecordFollowUp, ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.Resolved, StaffRole.Supervisor, ComplaintMove.RecordFollowUp, ComplaintMove.Reclassify, ComplaintMove.HandOver)]
    [InlineData(ComplaintStatus.Resolved, StaffRole.Admin)]
    [InlineData(ComplaintStatus.Closed, StaffRole.Clerk)]
    [InlineData(ComplaintStatus.Closed, StaffRole.Supervisor, ComplaintMove.Reopen, ComplaintMove.Reclassify)]
    [InlineData(ComplaintStatus.Withdrawn, StaffRole.Clerk)]
    [InlineData(ComplaintStatus.Withdrawn, StaffRole.Supervisor)]
    public void AllowedMoves_RoleInStatus_ListsTheTableMoves(ComplaintStatus status, StaffRole role, params ComplaintMove[] expected)
    {
        var complaint = Given.InStatus(status);

        Assert.Equal(expected.Order(), complaint.AllowedMoves(Actors.With(role), Given.Limits, FollowUpRules.None).Order());
    }

    [Fact]
    public void AllowedMoves_SupervisorAfterThreeUnreachableAttempts_OffersCloseAsUnreachable()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, unreachableAttempts: 3);

        Assert.Equal(
            [ComplaintMove.RecordFollowUp, ComplaintMove.CloseUnreachable, ComplaintMove.Reclassify, ComplaintMove.HandOver],
            complaint.AllowedMoves(Actors.Supervisor, Given.Limits, _sameDayAttempts).Order());
        Assert.Equal([ComplaintMove.RecordFollowUp], complaint.AllowedMoves(Actors.Caller, Given.Limits, _sameDayAttempts));
    }

    [Fact]
    public void AllowedMoves_SystemActor_OffersNothing()
    {
        Assert.Empty(Given.InStatus(ComplaintStatus.InProgress).AllowedMoves(Actor.System, Given.Limits));
    }

    [Fact]
    public void Version_EveryChangeThroughTheLifecycle_Increments()
    {
        var complaint = Given.Registered();
        var t = Given.T0;
        var versions = new List<int> { complaint.Version };
        void Step(Action change)
        {
            t = t.AddMinutes(10);
            change();
            versions.Add(complaint.Version);
        }

        Step(() => complaint.Dispatch(3, null, null, Actors.Clerk, t, Given.Limits));
        Step(() => complaint.Reassign(4, "周队长", null, null, Actors.Clerk, t));
        Step(() => complaint.RecordProgress("已联系维保", Actors.Clerk, t));
        Step(() => complaint.PutOnHold("等待配件", Actors.Clerk, t));
        Step(() => complaint.RecordRepeatRaise(null, Actors.Clerk, t, Given.Policy));
        Step(() => complaint.Resume(null, Actors.Clerk, t));
        Step(() => complaint.Reclassify(complaint.Facts with { CompanyAtFault = true }, "人为过失", Actors.Supervisor, t, Given.Policy));
        Step(() => complaint.LinkToIncident(7, "3栋电梯", 4, Actors.Supervisor, t, Given.Policy));
        Step(() => complaint.UpdateIncidentSize(5, Actor.System, t, Given.Policy));
        Step(() => complaint.UnlinkFromIncident(null, Actors.Supervisor, t, Given.Policy));
        Step(() => complaint.Resolve("已修复", Actors.Clerk, t, Given.Limits));
        Step(() => complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, null, Actors.Supervisor, t, Given.Policy));
        Step(() => complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Supervisor, t, Given.Policy));
        Step(() => complaint.Resolve("再次修复", Actors.Clerk, t, Given.Limits));
        Step(() => complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, t, Given.Policy));
        Step(() => complaint.Reopen("业主再次反映", Actors.Supervisor, t, Given.Policy));
        Step(() => complaint.Note(TimelineKind.Acknowledged, "主管已知悉", null, Actors.Supervisor, t));
        Step(() => complaint.Withdraw(WithdrawReason.Duplicate, "重复", Actors.Supervisor, t));

        for (var i = 1; i < versions.Count; i++)
        {
            Assert.True(versions[i] > versions[i - 1], $"step {i}: version {versions[i - 1]} → {versions[i]}");
        }
    }

    [Fact]
    public void Timeline_ThroughTheLifecycle_NothingIsEverRemoved()
    {
        var complaint = Given.InStatus(ComplaintStatus.Closed, unreachableAttempts: 1);
        var before = complaint.Timeline.ToList();

        complaint.Reopen("业主再次反映", Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(before, complaint.Timeline.Take(before.Count));
        Assert.Equal(
            [TimelineKind.Registered, TimelineKind.Dispatched, TimelineKind.Resolved, TimelineKind.FollowUp, TimelineKind.FollowUp,
                TimelineKind.Reopened, TimelineKind.RepeatRaise],
            complaint.Timeline.Select(e => e.Kind));
    }
}
