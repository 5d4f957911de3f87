using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Complaints;

/// <summary>Linking complaints into an incident (事件): 3.1.2(e) by distinct complainants.</summary>
public class IncidentLinkTests
{
    private static readonly DateTime _now = Given.Later;

    [Fact]
    public void LinkToIncident_TenComplainants_MakesAComplaintMajorUnder312e()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var versionBefore = complaint.Version;

        complaint.LinkToIncident(7, "3栋电梯停运", 10, Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(7, complaint.IncidentId);
        Assert.Equal(10, complaint.Facts.LinkedComplainantCount);
        Assert.Equal(Severity.Major, complaint.Severity);
        Assert.Equal("3.1.1(a);3.1.2(e)", complaint.Clauses);
        Assert.True(complaint.IsGroup);
        Assert.Equal(_now, complaint.BecameMajorAt);
        Assert.Contains(complaint.Events, e => e.Kind == ComplaintEventKind.BecameMajor);
        Assert.True(complaint.Version > versionBefore);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.LinkedToIncident, entry.Kind);
        Assert.Equal(Actors.Supervisor.Id, entry.ActorId);
        Assert.Equal(_now, entry.At);
        Assert.Contains("3栋电梯停运", entry.Note, StringComparison.Ordinal);
        Assert.Equal("A/轻微 [3.1.1(a);3.1.4] → A/重大 [3.1.1(a);3.1.2(e)]", entry.Detail);
    }

    [Fact]
    public void LinkToIncident_NineComplainants_StaysMinorButRecordsTheLink()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        complaint.LinkToIncident(7, "3栋电梯停运", 9, Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(Severity.Minor, complaint.Severity);
        Assert.False(complaint.IsGroup);
        Assert.Equal(7, complaint.IncidentId);
        Assert.Equal(TimelineKind.LinkedToIncident, complaint.Timeline[^1].Kind);
    }

    [Fact]
    public void UnlinkFromIncident_AfterMajorLink_UndoesMajorWithTimelineEntry()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        complaint.LinkToIncident(7, "3栋电梯停运", 10, Actors.Supervisor, _now, Given.Policy);

        complaint.UnlinkFromIncident("并非同一问题", Actors.Supervisor, _now.AddHours(1), Given.Policy);

        Assert.Null(complaint.IncidentId);
        Assert.Equal(0, complaint.Facts.LinkedComplainantCount);
        Assert.Equal(Severity.Minor, complaint.Severity);
        Assert.Equal("3.1.1(a);3.1.4", complaint.Clauses);
        Assert.False(complaint.IsGroup);
        Assert.Null(complaint.BecameMajorAt);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.UnlinkedFromIncident, entry.Kind);
        Assert.Equal("并非同一问题", entry.Note);
        Assert.Equal("A/重大 [3.1.1(a);3.1.2(e)] → A/轻微 [3.1.1(a);3.1.4]", entry.Detail);
    }

    [Fact]
    public void LinkToIncident_EngineeringQualityComplaint_GetsGroupFlagWithoutSeverity()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress, FactsSpec.Parse(Cause.EngineeringQuality, string.Empty));

        complaint.LinkToIncident(8, "地下室渗水", 10, Actors.Supervisor, _now, Given.Policy);

        Assert.Equal(ComplaintType.B, complaint.Type);
        Assert.Null(complaint.Severity);
        Assert.Equal("Group", complaint.Flags);
        Assert.True(complaint.IsGroup);
        Assert.Equal(ComplaintEventKind.FlaggedForManagers, Assert.Single(complaint.Events).Kind);

        complaint.UnlinkFromIncident(null, Actors.Supervisor, _now.AddHours(1), Given.Policy);

        Assert.Equal(string.Empty, complaint.Flags);
        Assert.False(complaint.IsGroup);
    }

    [Fact]
    public void Register_EngineeringQualityJointComplaintOfTen_IsGroup()
    {
        var complaint = Given.Registered(FactsSpec.Parse(Cause.EngineeringQuality, "people=10"));

        Assert.True(complaint.IsGroup);
        Assert.Equal("Group", complaint.Flags);
        Assert.Null(complaint.Severity);
    }

    [Fact]
    public void UpdateIncidentSize_NineToTen_BecomesMajorWithTimelineEntry()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        complaint.LinkToIncident(7, "3栋电梯停运", 9, Actors.Supervisor, _now, Given.Policy);

        complaint.UpdateIncidentSize(10, Actor.System, _now.AddMinutes(5), Given.Policy);

        Assert.True(complaint.IsMajor);
        Assert.Equal(TimelineKind.LinkedToIncident, complaint.Timeline[^1].Kind);
        Assert.Equal("system", complaint.Timeline[^1].ActorId);
    }

    [Fact]
    public void UpdateIncidentSize_NoClassificationChange_UpdatesCountWithoutTimelineEntry()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        complaint.LinkToIncident(7, "3栋电梯停运", 3, Actors.Supervisor, _now, Given.Policy);
        var entriesBefore = complaint.Timeline.Count;

        complaint.UpdateIncidentSize(4, Actor.System, _now.AddMinutes(5), Given.Policy);

        Assert.Equal(4, complaint.Facts.LinkedComplainantCount);
        Assert.Equal(entriesBefore, complaint.Timeline.Count);
    }

    [Fact]
    public void Reclassify_LinkedComplaint_KeepsTheIncidentCount()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        complaint.LinkToIncident(7, "3栋电梯停运", 10, Actors.Supervisor, _now, Given.Policy);

        complaint.Reclassify(FactsSpec.A("fault"), "补充人为过失", Actors.Supervisor, _now.AddHours(1), Given.Policy);

        Assert.Equal(10, complaint.Facts.LinkedComplainantCount);
        Assert.Equal("3.1.1(a);3.1.2(e)", complaint.Clauses);
    }

    [Theory]
    [InlineData(StaffRole.Clerk)]
    [InlineData(StaffRole.Manager)]
    [InlineData(StaffRole.Admin)]
    public void LinkToIncident_NotSupervisor_ThrowsRoleNotAllowed(StaffRole role)
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var versionBefore = complaint.Version;

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.LinkToIncident(7, "3栋电梯停运", 10, Actors.With(role), _now, Given.Policy));

        Assert.Equal(RuleCodes.RoleNotAllowed, refusal.RuleCode);
        Assert.Null(complaint.IncidentId);
        Assert.Equal(versionBefore, complaint.Version);
    }

    [Fact]
    public void LinkToIncident_Withdrawn_ThrowsMoveNotAllowedInStatus()
    {
        var complaint = Given.InStatus(ComplaintStatus.Withdrawn);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.LinkToIncident(7, "3栋电梯停运", 10, Actors.Supervisor, _now, Given.Policy));

        Assert.Equal(RuleCodes.MoveNotAllowedInStatus, refusal.RuleCode);
    }

    [Fact]
    public void UnlinkFromIncident_NotLinked_ThrowsNotLinked()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            complaint.UnlinkFromIncident(null, Actors.Supervisor, _now, Given.Policy));

        Assert.Equal(RuleCodes.NotLinked, refusal.RuleCode);
    }

    [Theory]
    [InlineData(-71, false)]
    [InlineData(71, false)]
    [InlineData(72, false)]
    [InlineData(73, true)]
    [InlineData(-73, true)]
    public void IncidentFit_HoursFromTheNearestMember_OutsideTheWindowOnlyPast72(int hours, bool outlier)
    {
        var member = _now;
        var far = _now.AddDays(-30);

        var fit = IncidentFit.Of(1, far, [far, member], 1, member.AddHours(hours), TimeSpan.FromHours(72));

        Assert.Equal(outlier, fit.IsOutlier);
        Assert.Equal(TimeSpan.FromHours(Math.Abs(hours)), fit.Gap);
        Assert.False(fit.OtherTopic);
    }

    [Fact]
    public void IncidentFit_NoMembersLeft_MeasuresFromTheIncidentsCreation()
    {
        var fit = IncidentFit.Of(1, _now, [], 2, _now.AddHours(80), TimeSpan.FromHours(72));

        Assert.True(fit.OtherTopic);
        Assert.True(fit.OutsideWindow);
        Assert.Equal("投诉事项不同（事件为「电梯」，该投诉为「停车」）；登记时间与事件中最近的投诉相隔 80 小时，超过群体投诉归并时间窗 72 小时",
            fit.Describe("电梯", "停车"));
    }

    [Fact]
    public void LinkToIncident_OutlierWithAReason_KeepsWhyAndTheReasonInTheTimeline()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        complaint.LinkToIncident(7, "3栋电梯停运", 2, Actors.Supervisor, _now, Given.Policy, ("投诉事项不同", " 同一台电梯 "));

        Assert.Equal(7, complaint.IncidentId);
        Assert.EndsWith("。投诉事项不同；主管关联理由：同一台电梯", complaint.Timeline[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkToIncident_OutlierWithoutAReason_IsRefusedAndNothingChanges()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var entries = complaint.Timeline.Count;

        var refused = Assert.Throws<DomainRuleException>(
            () => complaint.LinkToIncident(7, "3栋电梯停运", 2, Actors.Supervisor, _now, Given.Policy, ("投诉事项不同", " ")));

        Assert.Equal(RuleCodes.ReasonRequired, refused.RuleCode);
        Assert.Null(complaint.IncidentId);
        Assert.Equal(entries, complaint.Timeline.Count);
    }
}
