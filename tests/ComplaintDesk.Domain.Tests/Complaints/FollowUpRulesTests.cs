using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Complaints;

/// <summary>The 回访 rules (docs/decisions/0010-follow-up-rules.md): each on by default, each a setting.</summary>
public class FollowUpRulesTests
{
    private static readonly DateTime _now = Given.Later;
    private static readonly FollowUpRules _on = FollowUpRules.Default;
    private static readonly CompanyCalendar _shanghai = CompanyCalendar.Default;

    [Fact]
    public void Default_EveryRuleOn()
    {
        var rules = ProcedurePolicy.Default.FollowUps;

        Assert.True(rules.NotByResolver);
        Assert.True(rules.SeniorForMajorAndImportant);
        Assert.True(rules.SecondAfterDissatisfied);
        Assert.True(rules.UnreachableOnDifferentDays);
    }

    [Fact]
    public void RecordFollowUp_ByResolverRuleOn_ThrowsAndChangesNothing()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        var versionBefore = complaint.Version;

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Clerk, _now, Given.Policy, _on));

        Assert.Equal(RuleCodes.FollowUpByResolver, refusal.RuleCode);
        Assert.Contains("处理完成该投诉的人", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Equal(versionBefore, complaint.Version);
        Assert.Empty(complaint.FollowUps);
        Assert.DoesNotContain(ComplaintMove.RecordFollowUp, complaint.AllowedMoves(Actors.Clerk, Given.Limits, _on));
    }

    [Fact]
    public void RecordFollowUp_ByResolverRuleOff_Closes()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        var off = _on with { NotByResolver = false };

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Clerk, _now, Given.Policy, off);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Contains(ComplaintMove.RecordFollowUp, Given.InStatus(ComplaintStatus.Resolved).AllowedMoves(Actors.Clerk, Given.Limits, off));
    }

    [Fact]
    public void RecordFollowUp_AnotherClerkOnMinor_Closes()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.BasicallySatisfied, null, Actors.Caller, _now, Given.Policy, _on);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(Actors.Caller.Id, Assert.Single(complaint.FollowUps).ActorId);
    }

    [Theory]
    [InlineData("fault", "重要")]
    [InlineData("promised raised=2", "重大")]
    public void RecordFollowUp_MajorOrImportantByClerkRuleOn_ThrowsSeniorRequired(string facts, string severity)
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A(facts));

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now, Given.Policy, _on));

        Assert.Equal(RuleCodes.FollowUpSeniorRequired, refusal.RuleCode);
        Assert.Equal($"按回访规则，{severity}投诉须由客服主管或经理回访。", refusal.Message);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.DoesNotContain(ComplaintMove.RecordFollowUp, complaint.AllowedMoves(Actors.Caller, Given.Limits, _on));
    }

    [Fact]
    public void RecordFollowUp_ImportantBySupervisor_Closes()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("fault"));

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, _now, Given.Policy, _on);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void FollowUpRefusal_ImportantForAManagerWithADeskRole_None()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("fault"));
        var manager = Actor.Staff("m2", "钱经理", StaffRole.Clerk, StaffRole.Manager);

        Assert.Null(complaint.FollowUpRefusal(manager, _on));
    }

    [Fact]
    public void RecordFollowUp_ImportantByClerkRuleOff_Closes()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("fault"));

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now, Given.Policy, _on with { SeniorForMajorAndImportant = false });

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void RecordFollowUp_BOrCComplaintByClerk_NotSenior()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.Parse(Cause.EngineeringQuality, "fault"));

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now, Given.Policy, _on);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void Resolve_AfterDissatisfiedRuleOn_AwaitsSecondFollowUp()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, "仍漏水", Actors.Caller, _now, Given.Policy, _on);
        Assert.True(complaint.NeedsSecondFollowUp);

        complaint.Resolve("再次维修完成", Actors.Clerk, _now.AddHours(2), Given.Limits, _on);

        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Equal("待二次回访", complaint.Timeline[^1].Detail);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now.AddHours(3), Given.Policy, _on);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.StartsWith("二次电话回访：满意", complaint.Timeline[^1].Detail, StringComparison.Ordinal);
        Assert.False(complaint.NeedsSecondFollowUp);
        Assert.Equal(2, complaint.FollowUps.Count);
    }

    [Fact]
    public void Resolve_AfterDissatisfiedRuleOff_ClosesWithoutSecondFollowUp()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        var off = _on with { SecondAfterDissatisfied = false };
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Caller, _now, Given.Policy, off);

        complaint.Resolve("再次维修完成", Actors.Clerk, _now.AddHours(2), Given.Limits, off);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(_now.AddHours(2), complaint.ClosedAt);
        Assert.Equal(TimelineKind.Resolved, complaint.Timeline[^1].Kind);
        Assert.Equal(ComplaintStatus.Closed, complaint.Timeline[^1].ToStatus);
        Assert.False(complaint.NeedsSecondFollowUp);
    }

    [Fact]
    public void Resolve_FirstTimeRuleOff_StillAwaitsFollowUp()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        complaint.Resolve("维修完成", Actors.Clerk, _now, Given.Limits, _on with { SecondAfterDissatisfied = false });

        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
    }

    [Fact]
    public void Reopen_AfterDissatisfiedRound_NoSecondFollowUpOwed()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Caller, _now, Given.Policy, _on);
        complaint.Resolve("再次维修完成", Actors.Clerk, _now.AddHours(1), Given.Limits, _on);
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now.AddHours(2), Given.Policy, _on);

        complaint.Reopen("业主再次反映", Actors.Supervisor, _now.AddHours(3), Given.Policy);
        complaint.Resolve("第三次维修", Actors.Clerk, _now.AddHours(4), Given.Limits, _on with { SecondAfterDissatisfied = false });

        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
    }

    [Fact]
    public void RecordFollowUp_PhoneWithoutNumber_RecordsTheComplainantsPhoneMaskedInTheTimeline()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, null, Actors.Caller, _now, Given.Policy, _on);

        var followUp = Assert.Single(complaint.FollowUps);
        Assert.Equal("13812341234", followUp.PhoneCalled);
        Assert.Equal(_now, followUp.AttemptedAt);
        Assert.Equal("电话回访：无法联系（拨打 138****1234）（第 1 次未联系上）", complaint.Timeline[^1].Detail);
    }

    [Fact]
    public void RecordFollowUp_PhoneWithAnotherNumberAndEarlierTime_KeepsBoth()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        var calledAt = _now.AddMinutes(-30);

        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now, Given.Policy, _on,
            new FollowUpCall(" 010-62345678 ", calledAt));

        var followUp = Assert.Single(complaint.FollowUps);
        Assert.Equal("010-62345678", followUp.PhoneCalled);
        Assert.Equal(calledAt, followUp.AttemptedAt);
        Assert.Equal(_now, followUp.At);
    }

    [Fact]
    public void RecordFollowUp_VisitWithANumber_RecordsNoNumber()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        complaint.RecordFollowUp(FollowUpMethod.Visit, FollowUpOutcome.Satisfied, null, Actors.Caller, _now, Given.Policy, _on, new FollowUpCall("13900001111"));

        Assert.Null(Assert.Single(complaint.FollowUps).PhoneCalled);
    }

    [Fact]
    public void RecordFollowUp_NotAPhoneNumber_ThrowsInvalidInput()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.RecordFollowUp(
            FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now, Given.Policy, _on, new FollowUpCall("12345")));

        Assert.Equal(RuleCodes.InvalidInput, refusal.RuleCode);
        Assert.Empty(complaint.FollowUps);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-120)]
    public void RecordFollowUp_AttemptInTheFutureOrBeforeResolution_ThrowsAttemptTime(int minutesFromNow)
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.RecordFollowUp(
            FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, _now, Given.Policy, _on, new FollowUpCall(null, _now.AddMinutes(minutesFromNow))));

        Assert.Equal(RuleCodes.FollowUpAttemptTime, refusal.RuleCode);
        Assert.Empty(complaint.FollowUps);
    }

    [Fact]
    public void CloseAsUnreachable_ThreeAttemptsOnOneDay_ThrowsAndIsNotOffered()
    {
        var complaint = ResolvedWithAttemptsAt(Given.T0.AddHours(1), Given.T0.AddHours(2), Given.T0.AddHours(3));

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.CloseAsUnreachable("联系不上", Actors.Supervisor, Given.T0.AddHours(4), Given.Limits, _on, _shanghai));

        Assert.Equal(RuleCodes.FollowUpAttemptsTooFew, refusal.RuleCode);
        Assert.Contains("分布在 1 天", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, complaint.UnreachableAttemptsCounted(_on, _shanghai));
        Assert.DoesNotContain(ComplaintMove.CloseUnreachable, complaint.AllowedMoves(Actors.Supervisor, Given.Limits, _on, _shanghai));
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
    }

    [Fact]
    public void CloseAsUnreachable_ThreeAttemptsOnOneDayRuleOff_Closes()
    {
        var complaint = ResolvedWithAttemptsAt(Given.T0.AddHours(1), Given.T0.AddHours(2), Given.T0.AddHours(3));
        var off = _on with { UnreachableOnDifferentDays = false };

        complaint.CloseAsUnreachable("联系不上", Actors.Supervisor, Given.T0.AddHours(4), Given.Limits, off, _shanghai);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void CloseAsUnreachable_ThreeAttemptsOnThreeLocalDays_Closes()
    {
        // 23:30, 00:30 and 08:00 Beijing time: three local days within nine hours (15:30 and 16:30 UTC are one UTC day).
        var day = new DateTime(2026, 11, 3, 15, 30, 0, DateTimeKind.Utc);
        var complaint = ResolvedWithAttemptsAt(day, day.AddHours(1), day.AddHours(24.5));
        Assert.Equal(3, complaint.UnreachableAttemptsCounted(_on, _shanghai));
        Assert.Contains(ComplaintMove.CloseUnreachable, complaint.AllowedMoves(Actors.Supervisor, Given.Limits, _on, _shanghai));

        complaint.CloseAsUnreachable("三天三次均未接通", Actors.Supervisor, day.AddDays(2), Given.Limits, _on, _shanghai);

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void UnreachableAttemptsCounted_DaysCutInTheCompanyZone()
    {
        var day = new DateTime(2026, 11, 3, 15, 30, 0, DateTimeKind.Utc);
        var complaint = ResolvedWithAttemptsAt(day, day.AddHours(1), day.AddHours(2));

        Assert.Equal(1, complaint.UnreachableAttemptsCounted(_on, CompanyCalendar.FromId("UTC")));
        Assert.Equal(2, complaint.UnreachableAttemptsCounted(_on, _shanghai));
    }

    /// <summary>Resolved at T0 + 2 min, then one unanswered phone attempt recorded at each instant.</summary>
    private static Complaint ResolvedWithAttemptsAt(params DateTime[] attempts)
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        foreach (var at in attempts)
        {
            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, "无人接听", Actors.Caller, at, Given.Policy, _on);
        }

        return complaint;
    }
}
