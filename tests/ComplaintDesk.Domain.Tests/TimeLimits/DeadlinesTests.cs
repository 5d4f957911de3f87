using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;
using ComplaintDesk.Domain.TimeLimits;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintDesk.Domain.Tests.TimeLimits;

/// <summary>A complaint's time limits as a fake clock moves forward.</summary>
public class DeadlinesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Given.T0));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public void Evaluate_JustRegistered_DispatchDueTwentyMinutesLater()
    {
        var complaint = Given.Registered(at: Now);

        var dispatch = Evaluate(complaint).Of(DeadlineKind.Dispatch)!;

        Assert.Equal(Given.T0.AddMinutes(20), dispatch.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(20), dispatch.Limit);
        Assert.True(dispatch.IsPending);
    }

    [Theory]
    [InlineData(19, false, 0)]
    [InlineData(20, false, 0)]
    [InlineData(21, true, 1)]
    [InlineData(39, true, 1)]
    [InlineData(40, true, 2)]
    [InlineData(300, true, 2)]
    public void Evaluate_NotDispatchedAfterMinutes_DispatchOverdueAndEscalated(int minutes, bool overdue, int level)
    {
        var complaint = Given.Registered(at: Now);

        _clock.Advance(TimeSpan.FromMinutes(minutes));
        var report = Evaluate(complaint);

        Assert.Equal(overdue, report.Of(DeadlineKind.Dispatch)!.IsOverdueAt(Now));
        Assert.Equal(overdue, report.IsOverdue);
        Assert.Equal(level, report.EscalationLevel);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Dispatch_AtMinutes_RecordsWhetherOnTime(int minutes, bool onTime)
    {
        var complaint = Given.Registered(at: Now);
        _clock.Advance(TimeSpan.FromMinutes(minutes));

        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(1));
        var dispatch = Evaluate(complaint).Of(DeadlineKind.Dispatch)!;

        Assert.Equal(onTime, complaint.DispatchedOnTime);
        Assert.Equal(!onTime, dispatch.WasMetLate);
        Assert.False(dispatch.IsOverdueAt(Now));
    }

    [Theory]
    [InlineData(Cause.ManagementService, "", 24)]
    [InlineData(Cause.ManagementService, "fault", 72)]
    [InlineData(Cause.ManagementService, "gov", 7 * 24)]
    [InlineData(Cause.EngineeringQuality, "", 15 * 24)]
    [InlineData(Cause.EngineeringQuality, "people=10 gov", 15 * 24)]
    [InlineData(Cause.External, "", 48)]
    public void Evaluate_ByTypeAndSeverity_ResolutionDueAfterItsLimit(Cause cause, string facts, int hours)
    {
        var complaint = Given.Registered(FactsSpec.Parse(cause, facts), at: Now);
        _clock.Advance(TimeSpan.FromMinutes(10));
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);

        _clock.SetUtcNow(Given.T0.AddHours(hours));
        var atDue = Evaluate(complaint).Of(DeadlineKind.Resolution)!;
        _clock.Advance(TimeSpan.FromMinutes(1));
        var afterDue = Evaluate(complaint).Of(DeadlineKind.Resolution)!;

        Assert.Equal(Given.T0.AddHours(hours), atDue.DueAt);
        Assert.Equal(TimeSpan.FromHours(hours), atDue.Limit);
        Assert.False(atDue.IsOverdueAt(Given.T0.AddHours(hours)));
        Assert.True(afterDue.IsOverdueAt(Now));
    }

    [Fact]
    public void Evaluate_PutOnHoldThenResumed_ResolutionDueShiftedByTheHold()
    {
        var complaint = Given.Registered(at: Now);
        _clock.Advance(TimeSpan.FromMinutes(10));
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.SetUtcNow(Given.T0.AddHours(2));
        complaint.PutOnHold("业主出差，无法入户", Actors.Clerk, Now);

        _clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(Given.T0.AddHours(24 + 6), Evaluate(complaint).Of(DeadlineKind.Resolution)!.DueAt);

        _clock.Advance(TimeSpan.FromHours(4));
        complaint.Resume("业主已回家", Actors.Clerk, Now);
        Assert.Equal(TimeSpan.FromHours(10), complaint.OnHoldTotal);

        _clock.SetUtcNow(Given.T0.AddHours(34));
        var atDue = Evaluate(complaint);
        Assert.Equal(Given.T0.AddHours(34), atDue.Of(DeadlineKind.Resolution)!.DueAt);
        Assert.False(atDue.IsOverdue);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Evaluate(complaint).Of(DeadlineKind.Resolution)!.IsOverdueAt(Now));
    }

    [Fact]
    public void Evaluate_TwoHolds_BothSetAside()
    {
        var complaint = Given.Registered(at: Now);
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(1));
        complaint.PutOnHold("等待开发商", Actors.Clerk, Now);
        _clock.Advance(TimeSpan.FromHours(2));
        complaint.Resume(null, Actors.Clerk, Now);
        _clock.Advance(TimeSpan.FromHours(1));
        complaint.PutOnHold("等待自来水公司", Actors.Clerk, Now);
        _clock.Advance(TimeSpan.FromHours(3));
        complaint.Resume(null, Actors.Clerk, Now);

        Assert.Equal(Given.T0.AddHours(24 + 5), Evaluate(complaint).Of(DeadlineKind.Resolution)!.DueAt);
    }

    [Fact]
    public void Resolve_AfterTheLimitButWithinItPlusHold_IsOnTime()
    {
        var complaint = Given.Registered(at: Now);
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(1));
        complaint.PutOnHold("业主出差", Actors.Clerk, Now);
        _clock.Advance(TimeSpan.FromHours(10));
        complaint.Resume(null, Actors.Clerk, Now);

        _clock.SetUtcNow(Given.T0.AddHours(30));
        complaint.Resolve("已修复", Actors.Clerk, Now, Given.Limits);

        Assert.True(complaint.ResolvedOnTime);
        Assert.False(Evaluate(complaint).Of(DeadlineKind.Resolution)!.WasMetLate);
    }

    [Fact]
    public void Resolve_AfterTheLimitWithoutHold_IsLate()
    {
        var complaint = Given.Registered(at: Now);
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);

        _clock.SetUtcNow(Given.T0.AddHours(25));
        complaint.Resolve("已修复", Actors.Clerk, Now, Given.Limits);

        Assert.False(complaint.ResolvedOnTime);
        Assert.True(Evaluate(complaint).Of(DeadlineKind.Resolution)!.WasMetLate);
    }

    [Fact]
    public void Evaluate_MajorInProgress_ProgressDueEveryTwentyFourHours()
    {
        var complaint = Given.Registered(FactsSpec.A("gov"), at: Now);
        _clock.Advance(TimeSpan.FromMinutes(10));
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        var dispatchedAt = Now;

        Assert.Equal(dispatchedAt.AddHours(24), Evaluate(complaint).Of(DeadlineKind.Progress)!.DueAt);

        _clock.Advance(TimeSpan.FromHours(24));
        Assert.False(Evaluate(complaint).Of(DeadlineKind.Progress)!.IsOverdueAt(Now));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(Evaluate(complaint).Overdue, d => d.Kind == DeadlineKind.Progress);

        complaint.RecordProgress("已与开发商协调，明日施工", Actors.Clerk, Now);
        var report = Evaluate(complaint);
        Assert.Equal(Now.AddHours(24), report.Of(DeadlineKind.Progress)!.DueAt);
        Assert.DoesNotContain(report.Overdue, d => d.Kind == DeadlineKind.Progress);
    }

    [Fact]
    public void Evaluate_BecameMajorWhileInProgress_ProgressCountedFromThatMoment()
    {
        var complaint = Given.Registered(FactsSpec.A("promised"), at: Now);
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(30));

        complaint.RecordRepeatRaise(null, Actors.Clerk, Now, Given.Policy);

        Assert.True(complaint.IsMajor);
        Assert.Equal(Now.AddHours(24), Evaluate(complaint).Of(DeadlineKind.Progress)!.DueAt);
    }

    [Theory]
    [InlineData(ComplaintStatus.InProgress, "")]
    [InlineData(ComplaintStatus.InProgress, "fault")]
    [InlineData(ComplaintStatus.Registered, "gov")]
    [InlineData(ComplaintStatus.Resolved, "gov")]
    public void Evaluate_NotMajorInProgress_NoProgressDeadline(ComplaintStatus status, string facts)
    {
        var complaint = Given.InStatus(status, FactsSpec.A(facts));

        Assert.Null(Deadlines.Evaluate(complaint, Given.Later, Given.Limits).Of(DeadlineKind.Progress));
    }

    [Fact]
    public void Evaluate_Resolved_FollowUpDueSeventyTwoHoursAfterResolution()
    {
        var complaint = Given.Registered(at: Now);
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(3));
        complaint.Resolve("已修复", Actors.Clerk, Now, Given.Limits);
        var resolvedAt = Now;

        Assert.Equal(resolvedAt.AddHours(72), Evaluate(complaint).Of(DeadlineKind.FollowUp)!.DueAt);

        _clock.Advance(TimeSpan.FromHours(72));
        Assert.Equal(0, Evaluate(complaint).EscalationLevel);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, Evaluate(complaint).EscalationLevel);
        _clock.SetUtcNow(resolvedAt.AddHours(144));
        Assert.Equal(2, Evaluate(complaint).EscalationLevel);
    }

    [Fact]
    public void Evaluate_FollowedUpInTime_FollowUpMetAndNothingOverdueLater()
    {
        var complaint = Given.Registered(at: Now);
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(3));
        complaint.Resolve("已修复", Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(48));
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Caller, Now, Given.Policy);

        _clock.Advance(TimeSpan.FromDays(60));
        var report = Evaluate(complaint);

        Assert.Equal(Given.T0.AddHours(51), report.Of(DeadlineKind.FollowUp)!.MetAt);
        Assert.False(report.IsOverdue);
        Assert.Equal(0, report.EscalationLevel);
    }

    [Fact]
    public void Evaluate_ClosedAsUnreachableAfterReopen_FollowUpMetAtCloseNotAtEarlierFollowUp()
    {
        var complaint = Given.Registered(at: Now);
        complaint.Dispatch(3, null, null, Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(3));
        complaint.Resolve("已修复", Actors.Clerk, Now, Given.Limits);
        _clock.Advance(TimeSpan.FromHours(5));
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, Actors.Caller, Now, Given.Policy);
        _clock.Advance(TimeSpan.FromHours(5));
        complaint.Resolve("再次维修完成", Actors.Clerk, Now, Given.Limits);
        var secondResolution = Now;
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromHours(30));
            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, null, Actors.Caller, Now, Given.Policy);
        }

        complaint.CloseAsUnreachable("三次回访均未联系上", Actors.Supervisor, Now, Given.Limits);
        var followUp = Evaluate(complaint).Of(DeadlineKind.FollowUp)!;

        Assert.Equal(secondResolution.AddHours(72), followUp.DueAt);
        Assert.Equal(Now, followUp.MetAt);
        Assert.True(followUp.WasMetLate);
    }

    [Theory]
    [InlineData(ComplaintStatus.Registered)]
    [InlineData(ComplaintStatus.InProgress)]
    [InlineData(ComplaintStatus.OnHold)]
    public void Evaluate_OpenMajorComplaint_EscalationLevelTwo(ComplaintStatus status)
    {
        var complaint = Given.InStatus(status, FactsSpec.A("gov"));

        var report = Deadlines.Evaluate(complaint, Given.T0.AddMinutes(5), Given.Limits);

        Assert.False(report.IsOverdue);
        Assert.Equal(2, report.EscalationLevel);
        Assert.True(report.EscalatedBecauseMajor);
    }

    [Fact]
    public void Evaluate_OpenMinorComplaintOnTime_EscalationLevelZero()
    {
        var report = Deadlines.Evaluate(Given.InStatus(ComplaintStatus.InProgress), Given.T0.AddMinutes(5), Given.Limits);

        Assert.Equal(0, report.EscalationLevel);
        Assert.False(report.EscalatedBecauseMajor);
    }

    [Theory]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void Evaluate_FinishedMajorComplaint_NotEscalated(ComplaintStatus status)
    {
        var complaint = Given.InStatus(status, FactsSpec.A("gov"));

        var report = Deadlines.Evaluate(complaint, Given.T0.AddDays(20), Given.Limits);

        Assert.Equal(0, report.EscalationLevel);
        Assert.False(report.EscalatedBecauseMajor);
    }

    private DeadlineReport Evaluate(Complaint complaint) => Deadlines.Evaluate(complaint, Now, Given.Limits);
}
