using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.TimeLimits;

/// <summary>When the escalation clock has to look at a complaint next (Complaint.ClockDueAt).</summary>
public class ClockDueAtTests
{
    private static readonly DateTime _t0 = Given.T0;

    [Fact]
    public void RefreshDeadlines_NewMinorAComplaint_JustAfterTheDispatchLimit()
    {
        var complaint = Given.Registered();

        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0);

        Assert.Equal(_t0.AddMinutes(20).AddMicroseconds(1), complaint.ClockDueAt);
    }

    [Fact]
    public void RefreshDeadlines_MajorComplaint_AtOnceForLevel2()
    {
        var complaint = Given.Registered(FactsSpec.A("gov"));
        Assert.True(complaint.IsMajor);

        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddMinutes(3));

        Assert.Equal(_t0.AddMinutes(3), complaint.ClockDueAt);
    }

    [Fact]
    public void RefreshDeadlines_OverdueLimitAlreadyPassed_KeepsThePastInstantSoTheClockLooksAgain()
    {
        var complaint = Given.Registered();

        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddHours(2));

        Assert.Equal(_t0.AddMinutes(20).AddMicroseconds(1), complaint.ClockDueAt);
    }

    [Theory]
    [InlineData(21, 40)] // overdue recorded: next is level 2 at due + limit
    [InlineData(41, 24 * 60)] // level 2 recorded: next is the resolution limit (24 hours), just after it
    public void ClockChecked_AfterALook_TheFirstInstantLaterThanIt(int lookedAtMinutes, int nextMinutes)
    {
        var complaint = Given.Registered();
        var lookedAt = _t0.AddMinutes(lookedAtMinutes);

        complaint.ClockChecked(Given.Limits, Given.Policy, lookedAt);

        var expected = _t0.AddMinutes(nextMinutes);
        Assert.Equal(nextMinutes == 24 * 60 ? expected.AddMicroseconds(1) : expected, complaint.ClockDueAt);
    }

    [Fact]
    public void ClockChecked_MajorAfterItsLevel2_NextIsItsProgressReport()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress, FactsSpec.A("gov"));
        var dispatchedAt = _t0.AddMinutes(1);

        complaint.ClockChecked(Given.Limits, Given.Policy, _t0.AddMinutes(5));

        // No "at once" any more: the first progress report is due 24 hours after the dispatch (the last word on progress).
        Assert.Equal(dispatchedAt.AddHours(24).AddMicroseconds(1), complaint.ClockDueAt);
    }

    [Fact]
    public void ClockChecked_OnHoldAComplaint_OnlyThe312cUpgradeCanFire()
    {
        var complaint = Given.InStatus(ComplaintStatus.OnHold);

        complaint.ClockChecked(Given.Limits, Given.Policy, _t0.AddDays(3));

        Assert.Equal(_t0.AddDays(Given.Policy.DaysUnresolvedForMajor), complaint.ClockDueAt);
    }

    [Fact]
    public void ClockChecked_UpgradeDaysFromThePolicy()
    {
        var complaint = Given.InStatus(ComplaintStatus.OnHold);

        complaint.ClockChecked(Given.Limits, Given.Policy with { DaysUnresolvedForMajor = 10 }, _t0.AddDays(3));

        Assert.Equal(_t0.AddDays(10), complaint.ClockDueAt);
    }

    [Fact]
    public void ClockChecked_OnHoldBComplaint_NothingCanFire()
    {
        var complaint = Given.InStatus(ComplaintStatus.OnHold, new ClassificationFacts(Cause.EngineeringQuality));

        complaint.ClockChecked(Given.Limits, Given.Policy, _t0.AddDays(3));

        Assert.Null(complaint.ClockDueAt);
    }

    [Theory]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void RefreshDeadlines_Finished_NothingCanFire(ComplaintStatus status)
    {
        var complaint = Given.InStatus(status);

        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddDays(90));

        Assert.Null(complaint.ClockDueAt);
    }

    [Fact]
    public void ClockChecked_ResolvedNotFollowedUp_JustAfterTheFollowUpLimit()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved);
        var resolvedAt = complaint.ResolvedAt!.Value;

        complaint.ClockChecked(Given.Limits, Given.Policy, resolvedAt.AddHours(1));

        Assert.Equal(resolvedAt.AddHours(72).AddMicroseconds(1), complaint.ClockDueAt);
    }
}
