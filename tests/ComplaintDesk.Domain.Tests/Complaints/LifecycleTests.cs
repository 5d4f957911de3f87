using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Complaints;

/// <summary>Every move of <see cref="Lifecycle.Rules"/> in every status by every role, against domain.md.</summary>
public class LifecycleTests
{
    public static TheoryData<ComplaintMove, ComplaintStatus, StaffRole> LegalMoves => Combinations(legal: true);

    public static TheoryData<ComplaintMove, ComplaintStatus, StaffRole> IllegalMoves => Combinations(legal: false);

    public static TheoryData<ComplaintMove> EveryMove => new(Enum.GetValues<ComplaintMove>());

    [Fact]
    public void Rules_EveryMove_HasExactlyOneRule()
    {
        Assert.Equal(
            Enum.GetValues<ComplaintMove>().Order(),
            Lifecycle.Rules.Select(r => r.Move).Order());
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void RuleFor_Move_MatchesDomainTable(ComplaintMove move)
    {
        var rule = Lifecycle.RuleFor(move);
        var (from, roles, reason) = Spec(move);

        Assert.Equal(from.Order(), rule.From.Order());
        Assert.Equal(roles.Order(), rule.Roles.Order());
        Assert.Equal(reason, rule.ReasonRequired);
        Assert.True(Chinese.IsIn(rule.Label), rule.Label);
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Move_AllowedForRoleInStatus_ChangesStatusAndAppendsTimelineEntry(ComplaintMove move, ComplaintStatus from, StaffRole role)
    {
        var complaint = Given.InStatus(from, unreachableAttempts: move == ComplaintMove.CloseUnreachable ? 3 : 0);
        Moves.Prepare(complaint, move, Given.T0.AddMinutes(30));
        var actor = Actors.With(role);
        var entriesBefore = complaint.Timeline.Count;
        var versionBefore = complaint.Version;

        Moves.Perform(complaint, move, actor, Given.Later);

        var to = StatusAfter(move, from);
        Assert.Equal(to, complaint.Status);
        Assert.True(complaint.Version > versionBefore, $"Version {complaint.Version} after {versionBefore}");
        Assert.True(complaint.Timeline.Count > entriesBefore);
        var entry = complaint.Timeline[entriesBefore];
        Assert.Equal(Given.Later, entry.At);
        Assert.Equal(actor.Id, entry.ActorId);
        Assert.Equal(actor.Name, entry.ActorName);
        Assert.Equal(KindOf(move), entry.Kind);
        Assert.Equal(from, entry.FromStatus);
        Assert.Equal(to, entry.ToStatus);
        if (Moves.TextOf(move) is { } text)
        {
            Assert.StartsWith(text, entry.Note, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(entry.Note);
        }
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Move_NotAllowedForRoleInStatus_ThrowsAndChangesNothing(ComplaintMove move, ComplaintStatus status, StaffRole role)
    {
        var complaint = Given.InStatus(status, unreachableAttempts: 3);
        var entriesBefore = complaint.Timeline.Count;
        var versionBefore = complaint.Version;
        var followUpsBefore = complaint.FollowUps.Count;
        var clausesBefore = complaint.Clauses;

        var refusal = Assert.Throws<DomainRuleException>(() => Moves.Perform(complaint, move, Actors.With(role), Given.Later));

        var expected = Spec(move).From.Contains(status) ? RuleCodes.RoleNotAllowed : RuleCodes.MoveNotAllowedInStatus;
        Assert.Equal(expected, refusal.RuleCode);
        Assert.True(Chinese.IsIn(refusal.Message), refusal.Message);
        Assert.Equal(status, complaint.Status);
        Assert.Equal(entriesBefore, complaint.Timeline.Count);
        Assert.Equal(versionBefore, complaint.Version);
        Assert.Equal(followUpsBefore, complaint.FollowUps.Count);
        Assert.Equal(clausesBefore, complaint.Clauses);
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Move_BySystemActor_ThrowsRoleNotAllowed(ComplaintMove move)
    {
        // The clock applies only the procedure's automatic rules (3.1.2(c)); a person's move needs a person in a role.
        var status = Spec(move).From[0];
        var complaint = Given.InStatus(status, unreachableAttempts: 3);
        var versionBefore = complaint.Version;

        var refusal = Assert.Throws<DomainRuleException>(() => Moves.Perform(complaint, move, Actor.System, Given.Later));

        Assert.Equal(RuleCodes.RoleNotAllowed, refusal.RuleCode);
        Assert.Equal(versionBefore, complaint.Version);
    }

    [Fact]
    public void Withdraw_ActorWithSeveralRolesOneOfThemSupervisor_IsAllowed()
    {
        var complaint = Given.InStatus(ComplaintStatus.InProgress);
        var managerAndSupervisor = Actor.Staff("x1", "钱总", StaffRole.Manager, StaffRole.Supervisor);

        complaint.Withdraw(WithdrawReason.Duplicate, "与 TS2026110002 重复", managerAndSupervisor, Given.Later);

        Assert.Equal(ComplaintStatus.Withdrawn, complaint.Status);
        Assert.Equal("重复投诉", complaint.Timeline[^1].Detail);
    }

    [Theory]
    [InlineData(ComplaintStatus.Registered, "待派单")]
    [InlineData(ComplaintStatus.InProgress, "处理中")]
    [InlineData(ComplaintStatus.OnHold, "挂起")]
    [InlineData(ComplaintStatus.Resolved, "待回访")]
    [InlineData(ComplaintStatus.Closed, "已结案")]
    [InlineData(ComplaintStatus.Withdrawn, "已撤销")]
    public void LabelOf_Status_IsTheUiWord(ComplaintStatus status, string label)
    {
        Assert.Equal(label, Lifecycle.LabelOf(status));
    }

    /// <summary>domain.md's lifecycle and people tables, written out apart from <see cref="Lifecycle.Rules"/>.</summary>
    private static (ComplaintStatus[] From, StaffRole[] Roles, bool ReasonRequired) Spec(ComplaintMove move)
    {
        StaffRole[] desk = [StaffRole.Clerk, StaffRole.Supervisor];
        StaffRole[] supervisor = [StaffRole.Supervisor];
        StaffRole[] manager = [StaffRole.Manager];
        ComplaintStatus[] open = [ComplaintStatus.Registered, ComplaintStatus.InProgress, ComplaintStatus.OnHold];

        // Issue 17: an investigation once the work has started, after closing too (its actions outlive the complaint).
        ComplaintStatus[] investigating = [ComplaintStatus.InProgress, ComplaintStatus.OnHold, ComplaintStatus.Resolved, ComplaintStatus.Closed];
        return move switch
        {
            ComplaintMove.Dispatch => ([ComplaintStatus.Registered], desk, false),
            ComplaintMove.Reassign => ([ComplaintStatus.InProgress], desk, false),
            ComplaintMove.RecordProgress => ([ComplaintStatus.InProgress], desk, false),
            ComplaintMove.PutOnHold => ([ComplaintStatus.InProgress], desk, true),
            ComplaintMove.Resume => ([ComplaintStatus.OnHold], desk, false),
            ComplaintMove.Resolve => ([ComplaintStatus.InProgress], desk, false),
            ComplaintMove.RecordFollowUp => ([ComplaintStatus.Resolved], desk, false),
            ComplaintMove.CloseUnreachable => ([ComplaintStatus.Resolved], supervisor, true),
            ComplaintMove.Reopen => ([ComplaintStatus.Closed], supervisor, true),
            ComplaintMove.Reclassify => ([.. open, ComplaintStatus.Resolved, ComplaintStatus.Closed], supervisor, true),
            ComplaintMove.Withdraw => ([ComplaintStatus.Registered, ComplaintStatus.InProgress], supervisor, true),
            ComplaintMove.RecordRepeatRaise => (open, desk, false),
            ComplaintMove.HandOver => ([.. open, ComplaintStatus.Resolved], desk, true),
            ComplaintMove.WriteInvestigation => (investigating, supervisor, false),
            ComplaintMove.ApproveInvestigation => (investigating, manager, false),
            ComplaintMove.ReturnInvestigation => (investigating, manager, true),
            ComplaintMove.CompleteCorrectiveAction => (investigating, desk, true),
            ComplaintMove.VerifyCorrectiveAction => (investigating, supervisor, false),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
        };
    }

    private static ComplaintStatus StatusAfter(ComplaintMove move, ComplaintStatus from) => move switch
    {
        ComplaintMove.Dispatch or ComplaintMove.Resume or ComplaintMove.Reopen => ComplaintStatus.InProgress,
        ComplaintMove.PutOnHold => ComplaintStatus.OnHold,
        ComplaintMove.Resolve => ComplaintStatus.Resolved,
        ComplaintMove.RecordFollowUp or ComplaintMove.CloseUnreachable => ComplaintStatus.Closed,
        ComplaintMove.Withdraw => ComplaintStatus.Withdrawn,
        _ => from,
    };

    private static TimelineKind KindOf(ComplaintMove move) => move switch
    {
        ComplaintMove.Dispatch => TimelineKind.Dispatched,
        ComplaintMove.Reassign => TimelineKind.Reassigned,
        ComplaintMove.RecordProgress => TimelineKind.Progress,
        ComplaintMove.PutOnHold => TimelineKind.PutOnHold,
        ComplaintMove.Resume => TimelineKind.Resumed,
        ComplaintMove.Resolve => TimelineKind.Resolved,
        ComplaintMove.RecordFollowUp => TimelineKind.FollowUp,
        ComplaintMove.CloseUnreachable => TimelineKind.Closed,
        ComplaintMove.Reopen => TimelineKind.Reopened,
        ComplaintMove.Reclassify => TimelineKind.Reclassified,
        ComplaintMove.Withdraw => TimelineKind.Withdrawn,
        ComplaintMove.RecordRepeatRaise => TimelineKind.RepeatRaise,
        ComplaintMove.HandOver => TimelineKind.HandedOver,
        ComplaintMove.WriteInvestigation => TimelineKind.InvestigationWritten,
        ComplaintMove.ApproveInvestigation => TimelineKind.InvestigationApproved,
        ComplaintMove.ReturnInvestigation => TimelineKind.InvestigationReturned,
        ComplaintMove.CompleteCorrectiveAction => TimelineKind.CorrectiveActionCompleted,
        ComplaintMove.VerifyCorrectiveAction => TimelineKind.CorrectiveActionVerified,
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
    };

    private static TheoryData<ComplaintMove, ComplaintStatus, StaffRole> Combinations(bool legal)
    {
        var data = new TheoryData<ComplaintMove, ComplaintStatus, StaffRole>();
        foreach (var rule in Lifecycle.Rules)
        {
            foreach (var status in Enum.GetValues<ComplaintStatus>())
            {
                foreach (var role in Enum.GetValues<StaffRole>())
                {
                    var (from, roles, _) = Spec(rule.Move);
                    if ((from.Contains(status) && roles.Contains(role)) == legal)
                    {
                        data.Add(rule.Move, status, role);
                    }
                }
            }
        }

        return data;
    }
}
