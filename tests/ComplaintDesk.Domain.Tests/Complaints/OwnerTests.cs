using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Complaints;

/// <summary>首问负责制: a named owner from registration until an explicit 转交.</summary>
public class OwnerTests
{
    private static readonly DateTime _now = Given.Later;

    [Fact]
    public void Register_OwnerIsWhoRegistered()
    {
        var complaint = Given.Registered();

        Assert.Equal((Actors.Clerk.Id, Actors.Clerk.Name), (complaint.OwnerId, complaint.OwnerName));
    }

    [Fact]
    public void HandOver_ByOwner_ChangesOwnerWithTimelineEntry()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var versionBefore = complaint.Version;

        complaint.HandOver("c2", "周回访", " 本人调岗 ", Actors.Clerk, _now);

        Assert.Equal(("c2", "周回访"), (complaint.OwnerId, complaint.OwnerName));
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.True(complaint.Version > versionBefore);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKind.HandedOver, entry.Kind);
        Assert.Equal("本人调岗", entry.Note);
        Assert.Equal("首问负责人 张三 → 周回访", entry.Detail);
        Assert.Equal(Actors.Clerk.Id, entry.ActorId);
    }

    [Fact]
    public void HandOver_BySupervisorNotOwner_Allowed()
    {
        var complaint = Given.InStatus(ComplaintStatus.Registered);

        complaint.HandOver("c2", "周回访", "原负责人请假", Actors.Supervisor, _now);

        Assert.Equal("c2", complaint.OwnerId);
    }

    [Fact]
    public void HandOver_ByAnotherClerk_ThrowsNotTheOwnerAndIsNotOffered()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var entries = complaint.Timeline.Count;

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.HandOver("c2", "周回访", "我来跟进", Actors.Caller, _now));

        Assert.Equal(RuleCodes.NotTheOwner, refusal.RuleCode);
        Assert.Equal("只有首问负责人（张三）或客服主管可以转交该投诉。", refusal.Message);
        Assert.Equal(Actors.Clerk.Id, complaint.OwnerId);
        Assert.Equal(entries, complaint.Timeline.Count);
        Assert.DoesNotContain(ComplaintMove.HandOver, complaint.AllowedMoves(Actors.Caller, Given.Limits));
        Assert.Contains(ComplaintMove.HandOver, complaint.AllowedMoves(Actors.Clerk, Given.Limits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void HandOver_WithoutReason_ThrowsReasonRequired(string reason)
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.HandOver("c2", "周回访", reason, Actors.Clerk, _now));

        Assert.Equal(RuleCodes.ReasonRequired, refusal.RuleCode);
        Assert.Equal(Actors.Clerk.Id, complaint.OwnerId);
    }

    [Fact]
    public void HandOver_ToTheOwner_Throws()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.HandOver(Actors.Clerk.Id, Actors.Clerk.Name, "转给自己", Actors.Supervisor, _now));

        Assert.Equal(RuleCodes.HandOverToSelf, refusal.RuleCode);
    }

    [Theory]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void HandOver_Finished_ThrowsMoveNotAllowed(ComplaintStatus status)
    {
        var complaint = Given.InStatus(status);

        var refusal = Assert.Throws<DomainRuleException>(() => complaint.HandOver("c2", "周回访", "交接", Actors.Supervisor, _now));

        Assert.Equal(RuleCodes.MoveNotAllowedInStatus, refusal.RuleCode);
    }

    [Fact]
    public void HandOver_ThenDispatchAndResolve_OwnerStaysUntilNextHandOver()
    {
        var complaint = Given.InStatus(ComplaintStatus.Registered);
        complaint.HandOver("c2", "周回访", "交接班", Actors.Clerk, _now);

        complaint.Dispatch(3, null, null, Actors.Supervisor, _now.AddMinutes(1), Given.Limits);
        complaint.Resolve("已修复", Actors.Supervisor, _now.AddMinutes(2), Given.Limits);

        Assert.Equal("c2", complaint.OwnerId);
    }
}
