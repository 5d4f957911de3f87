using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Tests.TimeLimits;

/// <summary>Each timeline entry keeps the resolution due instant as it stood (the monthly report's month-end cut reads it).</summary>
public class TimelineDueTests
{
    private static readonly DateTime _t0 = Given.T0;

    [Fact]
    public void RefreshDeadlines_EntriesOfTheChange_GetTheDueInstantAtTheirOwnInstant()
    {
        // A minor: 24 h to resolve.
        var complaint = Given.Registered();
        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0);
        complaint.Dispatch(1, null, null, Actors.Clerk, _t0.AddMinutes(5), Given.Limits);
        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddMinutes(5));

        complaint.PutOnHold("等待业主", Actors.Clerk, _t0.AddHours(30));
        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddHours(30));
        complaint.Resume(null, Actors.Clerk, _t0.AddHours(40));
        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddHours(40));

        Assert.Equal(_t0.AddHours(24), complaint.Timeline.Single(t => t.Kind == TimelineKind.Dispatched).ResolutionDue);
        Assert.Equal(_t0.AddHours(24), complaint.Timeline.Single(t => t.Kind == TimelineKind.PutOnHold).ResolutionDue);
        Assert.Equal(_t0.AddHours(34), complaint.Timeline.Single(t => t.Kind == TimelineKind.Resumed).ResolutionDue);
        Assert.All(complaint.Timeline, t => Assert.NotNull(t.ResolutionDue));

        // On hold at 30 h with the due instant at 24 h: overdue before the clock stopped, so overdue while on hold.
        var hold = complaint.Timeline.Single(t => t.Kind == TimelineKind.PutOnHold);
        Assert.Equal(ComplaintStatus.OnHold, hold.ToStatus);
        Assert.True(hold.ResolutionDue < hold.At);
        Assert.True(Deadlines.Evaluate(complaint, _t0.AddHours(50), Given.Limits).IsOverdue);
    }

    [Fact]
    public void RefreshDeadlines_Withdrawn_StampsNoDueInstantAndLeavesEarlierEntriesAlone()
    {
        var complaint = Given.Registered();
        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0);

        complaint.Withdraw(WithdrawReason.Duplicate, "重复", Actors.Supervisor, _t0.AddHours(30));
        complaint.RefreshDeadlines(Given.Limits, Given.Policy, _t0.AddHours(30));

        Assert.All(complaint.Timeline.Where(t => t.Kind != TimelineKind.Withdrawn), t => Assert.Equal(_t0.AddHours(24), t.ResolutionDue));
        Assert.Null(complaint.Timeline.Single(t => t.Kind == TimelineKind.Withdrawn).ResolutionDue);
        Assert.Null(complaint.ResolutionDue);
    }
}
