using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.Tests.TestSupport;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Tests.Investigations;

/// <summary>The clock of open corrective actions: overdue → supervisors, overdue by the whole period again → managers, each once.</summary>
public class CorrectiveActionClockTests
{
    private static readonly CompanyCalendar _calendar = CompanyCalendar.Default;

    /// <summary>Approved at T0 + 1 h (2 Nov, 10:00 Shanghai); action 1 due by the end of 20 Nov (16:00 UTC).</summary>
    private static readonly DateTime _approvedAt = Given.Later;

    private static readonly DateTime _due1 = new(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc);

    private static Complaint WithOpenActions(ComplaintStatus status = ComplaintStatus.Resolved)
    {
        var complaint = Given.InStatus(status, FactsSpec.A("gov"));
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _approvedAt, _calendar);
        complaint.ApproveInvestigation(null, Actors.Manager, _approvedAt);
        return complaint;
    }

    private static ClockLook Look(Complaint complaint, HashSet<(EscalationKind, long)> recorded, DateTime now) =>
        CorrectiveActionClock.Look(complaint, recorded, now, ProcedurePolicy.Default);

    [Fact]
    public void Look_BeforeDue_RecordsNothingAndWaitsForTheDueInstant()
    {
        var complaint = WithOpenActions();

        var look = Look(complaint, [], _due1);

        Assert.Empty(look.Recorded);
        Assert.Equal(_due1.AddMicroseconds(1), complaint.CorrectiveActions[0].ClockDueAt);
    }

    [Fact]
    public void Look_JustAfterDue_RecordsOverdueForSupervisorsOnce()
    {
        var complaint = WithOpenActions();
        var recorded = new HashSet<(EscalationKind, long)>();
        var entries = complaint.Timeline.Count;
        var now = _due1.AddMinutes(1);

        var look = Look(complaint, recorded, now);
        var again = Look(complaint, recorded, now.AddMinutes(1));

        var escalation = Assert.Single(look.Recorded);
        Assert.Equal(EscalationKind.CorrectiveActionOverdue, escalation.Kind);
        Assert.Equal(1, EscalationText.LevelOf(escalation.Kind));
        Assert.Equal(1001, escalation.Cycle);
        Assert.Equal(_due1, escalation.DueAt);
        Assert.Equal("整改逾期：整改措施 1「约谈维保单位，夜间增派值班人员」应于 2026-11-20 前完成，责任部门 工程部，提交客服主管督办", escalation.Detail);
        Assert.Null(look.Level2ToAnnounce);
        Assert.Empty(again.Recorded);
        var entry = Assert.Single(complaint.Timeline.Skip(entries));
        Assert.Equal((TimelineKind.Overdue, "system"), (entry.Kind, entry.ActorId));

        // Next: overdue by its whole period again (approved 2 Nov 01:00 UTC, due 20 Nov 16:00 UTC).
        Assert.Equal(_due1 + (_due1 - _approvedAt), complaint.CorrectiveActions[0].ClockDueAt);
    }

    [Fact]
    public void Look_OverdueByItsWholePeriodAgain_RecordsLevel2ForManagersAndAnnouncesIt()
    {
        var complaint = WithOpenActions();
        var recorded = new HashSet<(EscalationKind, long)>();
        Look(complaint, recorded, _due1.AddMinutes(1));
        var level2At = _due1 + (_due1 - _approvedAt);

        var before = Look(complaint, recorded, level2At.AddMinutes(-1));
        var look = Look(complaint, recorded, level2At);

        Assert.DoesNotContain(before.Recorded, e => e.Cycle == 1001);
        var escalation = Assert.Single(look.Recorded, e => e.Kind == EscalationKind.CorrectiveActionEscalated);
        Assert.Equal(2, EscalationText.LevelOf(escalation.Kind));
        Assert.Same(escalation, look.Level2ToAnnounce);
        Assert.StartsWith("整改逾期升级：整改措施 1", escalation.Detail, StringComparison.Ordinal);
        Assert.Contains("提交经理督办", escalation.Detail, StringComparison.Ordinal);
        Assert.Null(complaint.CorrectiveActions[0].ClockDueAt);
    }

    [Fact]
    public void Look_LongAfterBoth_RecordsBothInOneLook()
    {
        var complaint = WithOpenActions();

        var look = Look(complaint, [], new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(
            [EscalationKind.CorrectiveActionOverdue, EscalationKind.CorrectiveActionEscalated, EscalationKind.CorrectiveActionOverdue, EscalationKind.CorrectiveActionEscalated],
            look.Recorded.Select(e => e.Kind));
        Assert.Equal([1001L, 1001, 2001, 2001], look.Recorded.Select(e => e.Cycle));
    }

    [Fact]
    public void Look_CompletedAction_RecordsNothing()
    {
        var complaint = WithOpenActions();
        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _due1.AddDays(-1));

        var look = Look(complaint, [], _due1.AddDays(1));

        Assert.DoesNotContain(look.Recorded, e => e.Cycle == 1001);
    }

    [Fact]
    public void Look_ClosedComplaint_StillWatchesItsActions()
    {
        var complaint = WithOpenActions();
        complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, Actors.Supervisor, _approvedAt.AddHours(1), Given.Policy);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);

        var look = Look(complaint, [], _due1.AddHours(1));

        Assert.Single(look.Recorded);
    }

    [Fact]
    public void Look_ActionReopenedByFailedVerification_FallsDueAgainInItsNewRound()
    {
        var complaint = WithOpenActions();
        var recorded = new HashSet<(EscalationKind, long)>();
        Look(complaint, recorded, _due1.AddHours(1));
        complaint.CompleteCorrectiveAction(1, "已约谈", Actors.Clerk, _due1.AddHours(2));
        complaint.VerifyCorrectiveAction(1, VerificationResult.Failed, "夜间仍无人值班", new DateOnly(2026, 11, 25), Actors.Supervisor, _due1.AddHours(3), _calendar);

        var look = Look(complaint, recorded, new DateTime(2026, 11, 25, 16, 1, 0, DateTimeKind.Utc));

        var escalation = Assert.Single(look.Recorded, e => e.Cycle == 1002);
        Assert.Equal(EscalationKind.CorrectiveActionOverdue, escalation.Kind);
    }

    [Fact]
    public void Look_DraftActions_HaveNoClock()
    {
        var complaint = Given.InStatus(ComplaintStatus.Resolved, FactsSpec.A("gov"));
        complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, _approvedAt, _calendar);

        var look = Look(complaint, [], _due1.AddDays(30));

        Assert.Empty(look.Recorded);
    }

    [Theory]
    [InlineData(EscalationKind.CorrectiveActionOverdue, "整改逾期", 1)]
    [InlineData(EscalationKind.CorrectiveActionEscalated, "整改逾期升级", 2)]
    public void EscalationText_ActionKinds_HaveWordsAndLevels(EscalationKind kind, string words, int level)
    {
        Assert.Equal(words, EscalationText.Of(kind));
        Assert.Equal(level, EscalationText.LevelOf(kind));
        Assert.False(EscalationText.IsOverdue(kind));
    }
}
