using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Complaints;

/// <summary>Issue 16, item 6: B and C complaints with a group, government-referral or media flag reach managers.</summary>
public sealed class ManagersFlagTests
{
    [Theory]
    [InlineData(Cause.EngineeringQuality, "people=10", true)]
    [InlineData(Cause.External, "gov", true)]
    [InlineData(Cause.External, "media", true)]
    [InlineData(Cause.EngineeringQuality, "people=9", false)]
    [InlineData(Cause.EngineeringQuality, "accident injury", false)]
    [InlineData(Cause.ManagementService, "gov", false)]
    public void Register_BOrCWithManagersFlag_RaisesFlaggedForManagers(Cause cause, string facts, bool raised)
    {
        var complaint = Given.Registered(FactsSpec.Parse(cause, facts));

        Assert.Equal(raised, complaint.Events.Any(e => e.Kind == ComplaintEventKind.FlaggedForManagers));
    }

    [Fact]
    public void LinkToIncident_BReachesTheGroupThreshold_RaisedOnceNotAgainOnTheNextCount()
    {
        var complaint = Given.Registered(FactsSpec.Parse(Cause.EngineeringQuality, string.Empty));
        complaint.ClearEvents();

        complaint.LinkToIncident(1, "外墙渗水", 10, Actors.Supervisor, Given.T0.AddHours(1), Given.Policy);
        Assert.Single(complaint.Events, e => e.Kind == ComplaintEventKind.FlaggedForManagers);
        complaint.ClearEvents();

        complaint.UpdateIncidentSize(11, Actors.Supervisor, Given.T0.AddHours(2), Given.Policy);
        Assert.DoesNotContain(complaint.Events, e => e.Kind == ComplaintEventKind.FlaggedForManagers);
    }
}
