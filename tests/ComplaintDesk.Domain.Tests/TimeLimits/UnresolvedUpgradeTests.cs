using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintDesk.Domain.Tests.TimeLimits;

/// <summary>3.1.2(c): an A complaint unresolved for 30 calendar days becomes major, by the clock.</summary>
public class UnresolvedUpgradeTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Given.T0));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Theory]
    [InlineData(29, 0, false)]
    [InlineData(29, (24 * 60) - 1, false)]
    [InlineData(30, 0, true)]
    [InlineData(45, 0, true)]
    public void ApplyUnresolvedUpgrade_AfterDays_BecomesMajorFromThirtyDays(int days, int extraMinutes, bool upgrades)
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        _clock.Advance(TimeSpan.FromDays(days) + TimeSpan.FromMinutes(extraMinutes));

        var changed = complaint.ApplyUnresolvedUpgrade(Now, Given.Policy);

        Assert.Equal(upgrades, changed);
        Assert.Equal(upgrades ? Severity.Major : Severity.Minor, complaint.Severity);
        Assert.Equal(upgrades, complaint.Clauses.Split(';').Contains("3.1.2(c)"));
    }

    [Fact]
    public void ApplyUnresolvedUpgrade_ThirtyDays_TimelineEntryAndBecameMajorEvent()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var versionBefore = complaint.Version;
        _clock.Advance(TimeSpan.FromDays(30));

        complaint.ApplyUnresolvedUpgrade(Now, Given.Policy);

        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.UpgradedByClock, entry.Kind);
        Assert.Equal(Now, entry.At);
        Assert.Equal(Actor.System.Id, entry.ActorId);
        Assert.Equal(ComplaintStatus.InProgress, entry.FromStatus);
        Assert.Equal(ComplaintStatus.InProgress, entry.ToStatus);
        Assert.Contains("30 天", entry.Note, StringComparison.Ordinal);
        Assert.Equal("A/轻微 [3.1.1(a);3.1.4] → A/重大 [3.1.1(a);3.1.2(c)]", entry.Detail);
        var becameMajor = Assert.Single(complaint.Events);
        Assert.Equal(ComplaintEventKind.BecameMajor, becameMajor.Kind);
        Assert.Equal(Now, becameMajor.At);
        Assert.Equal(Now, complaint.BecameMajorAt);
        Assert.Equal(30, complaint.Facts.DaysUnresolved);
        Assert.True(complaint.Version > versionBefore);
    }

    [Fact]
    public void ApplyUnresolvedUpgrade_AppliedTwice_ChangesOnlyOnce()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        _clock.Advance(TimeSpan.FromDays(30));
        complaint.ApplyUnresolvedUpgrade(Now, Given.Policy);
        var entriesBefore = complaint.Timeline.Count;
        var versionBefore = complaint.Version;

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.False(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));
        Assert.Equal(entriesBefore, complaint.Timeline.Count);
        Assert.Equal(versionBefore, complaint.Version);
    }

    [Fact]
    public void ApplyUnresolvedUpgrade_OnHoldMostOfTheMonth_CountsTheHold()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        _clock.Advance(TimeSpan.FromHours(2));
        complaint.PutOnHold("等待开发商维修", Actors.Clerk, Now);
        _clock.Advance(TimeSpan.FromDays(29));

        Assert.False(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));
        Assert.Equal(ComplaintStatus.OnHold, complaint.Status);
        Assert.True(complaint.IsMajor);
    }

    [Fact]
    public void ApplyUnresolvedUpgrade_HoldEndedBeforeThirtyDays_StillCountsTheHold()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        complaint.PutOnHold("等待开发商维修", Actors.Clerk, Now.AddMinutes(5));
        _clock.Advance(TimeSpan.FromDays(25));
        complaint.Resume(null, Actors.Clerk, Now);
        _clock.Advance(TimeSpan.FromDays(5));

        Assert.True(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));
    }

    [Theory]
    [InlineData(Cause.EngineeringQuality)]
    [InlineData(Cause.External)]
    public void ApplyUnresolvedUpgrade_EngineeringOrExternal_NeverUpgraded(Cause cause)
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress, FactsSpec.Parse(cause, string.Empty));
        var entriesBefore = complaint.Timeline.Count;
        _clock.Advance(TimeSpan.FromDays(60));

        Assert.False(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));
        Assert.Null(complaint.Severity);
        Assert.Equal(entriesBefore, complaint.Timeline.Count);
        Assert.Empty(complaint.Events);
    }

    [Theory]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void ApplyUnresolvedUpgrade_NoLongerOpen_NotUpgraded(ComplaintStatus status)
    {
        var complaint = Given.InStatus(status);
        var entriesBefore = complaint.Timeline.Count;
        _clock.Advance(TimeSpan.FromDays(60));

        Assert.False(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));
        Assert.Equal(Severity.Minor, complaint.Severity);
        Assert.Equal(entriesBefore, complaint.Timeline.Count);
    }

    [Fact]
    public void ApplyUnresolvedUpgrade_StillRegistered_Upgraded()
    {
        var complaint = Given.Registered(at: Now);
        _clock.Advance(TimeSpan.FromDays(30));

        Assert.True(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void ApplyUnresolvedUpgrade_PolicyOfTenDays_ReadsTheThreshold(int days, bool upgrades)
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        _clock.Advance(TimeSpan.FromDays(days));

        Assert.Equal(upgrades, complaint.ApplyUnresolvedUpgrade(Now, new ClassificationPolicy { DaysUnresolvedForMajor = 10 }));
    }

    [Fact]
    public void ApplyUnresolvedUpgrade_AlreadyMajor_AddsClauseWithoutSecondEvent()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress, FactsSpec.A("gov"));
        _clock.Advance(TimeSpan.FromDays(30));

        Assert.True(complaint.ApplyUnresolvedUpgrade(Now, Given.Policy));
        Assert.Equal("3.1.1(a);3.1.2(c);3.1.2(d)", complaint.Clauses);
        Assert.Empty(complaint.Events);
    }
}
