using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;

namespace ComplaintDesk.Domain.Tests.TestSupport;

/// <summary>Makes any lifecycle move with ordinary arguments, so that tests can walk the lifecycle table.</summary>
public static class Moves
{
    /// <summary>What the person writes for the move (reason, note, resolution …); null when the move takes none.</summary>
    public static string? TextOf(ComplaintMove move) => move switch
    {
        ComplaintMove.Dispatch => null,
        ComplaintMove.Reassign => "改派给秩序维护部",
        ComplaintMove.RecordProgress => "已联系电梯维保单位",
        ComplaintMove.PutOnHold => "业主出差，无法入户",
        ComplaintMove.Resume => "业主已回家",
        ComplaintMove.Resolve => "已更换电梯门机",
        ComplaintMove.RecordFollowUp => "业主表示满意",
        ComplaintMove.CloseUnreachable => "三次回访均未联系上",
        ComplaintMove.Reopen => "业主再次来电反映",
        ComplaintMove.Reclassify => "核实为员工人为过失",
        ComplaintMove.Withdraw => "业主主动撤回",
        ComplaintMove.RecordRepeatRaise => "业主再次来电",
        ComplaintMove.HandOver => "本人轮休，转交同事跟进",
        ComplaintMove.WriteInvestigation => null,
        ComplaintMove.ApproveInvestigation => "调查属实，整改措施可行",
        ComplaintMove.ReturnInvestigation => "原因分析不充分，请补充维保记录",
        ComplaintMove.CompleteCorrectiveAction => "已与维保单位签订夜间值班补充协议",
        ComplaintMove.VerifyCorrectiveAction => "现场抽查夜间值班，已整改到位",
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
    };

    /// <summary>
    /// What must have happened before <paramref name="move"/> can be made (beyond the status): a report written by the
    /// supervisor before it is reviewed, approved before its actions are done, an action done before it is verified.
    /// </summary>
    public static void Prepare(Complaint complaint, ComplaintMove move, DateTime now)
    {
        if (move is ComplaintMove.ApproveInvestigation or ComplaintMove.ReturnInvestigation or ComplaintMove.CompleteCorrectiveAction
            or ComplaintMove.VerifyCorrectiveAction)
        {
            complaint.WriteInvestigation(Given.Investigation(), Actors.Supervisor, now, CompanyCalendar.Default);
        }

        if (move is ComplaintMove.CompleteCorrectiveAction or ComplaintMove.VerifyCorrectiveAction)
        {
            complaint.ApproveInvestigation(null, Actors.Manager, now);
        }

        if (move is ComplaintMove.VerifyCorrectiveAction)
        {
            complaint.CompleteCorrectiveAction(1, "已整改", Actors.Clerk, now);
        }
    }

    /// <summary>Makes <paramref name="move"/>; <paramref name="text"/> replaces the usual reason or note.</summary>
    public static void Perform(Complaint complaint, ComplaintMove move, Actor actor, DateTime now, string? text = null)
    {
        text ??= TextOf(move);
        var policy = Given.Policy;
        var limits = Given.Limits;
        switch (move)
        {
            case ComplaintMove.Dispatch:
                complaint.Dispatch(3, "李师傅", null, actor, now, limits);
                break;
            case ComplaintMove.Reassign:
                complaint.Reassign(4, "周队长", null, text, actor, now);
                break;
            case ComplaintMove.RecordProgress:
                complaint.RecordProgress(text!, actor, now);
                break;
            case ComplaintMove.PutOnHold:
                complaint.PutOnHold(text!, actor, now);
                break;
            case ComplaintMove.Resume:
                complaint.Resume(text, actor, now);
                break;
            case ComplaintMove.Resolve:
                complaint.Resolve(text!, actor, now, limits);
                break;
            case ComplaintMove.RecordFollowUp:
                // The lifecycle table alone: the follow-up rules have their own tests (FollowUpRulesTests).
                complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, text, actor, now, policy, FollowUpRules.None);
                break;
            case ComplaintMove.CloseUnreachable:
                complaint.CloseAsUnreachable(text!, actor, now, limits, FollowUpRules.None);
                break;
            case ComplaintMove.Reopen:
                complaint.Reopen(text!, actor, now, policy);
                break;
            case ComplaintMove.Reclassify:
                complaint.Reclassify(complaint.Facts with { CompanyAtFault = true }, text!, actor, now, policy);
                break;
            case ComplaintMove.Withdraw:
                complaint.Withdraw(WithdrawReason.ByComplainant, text!, actor, now);
                break;
            case ComplaintMove.RecordRepeatRaise:
                complaint.RecordRepeatRaise(text, actor, now, policy);
                break;
            case ComplaintMove.HandOver:
                complaint.HandOver("c9", "钱专员", text!, actor, now);
                break;
            case ComplaintMove.WriteInvestigation:
                complaint.WriteInvestigation(Given.Investigation(), actor, now, CompanyCalendar.Default);
                break;
            case ComplaintMove.ApproveInvestigation:
                complaint.ApproveInvestigation(text, actor, now);
                break;
            case ComplaintMove.ReturnInvestigation:
                complaint.ReturnInvestigation(text!, actor, now);
                break;
            case ComplaintMove.CompleteCorrectiveAction:
                complaint.CompleteCorrectiveAction(1, text!, actor, now);
                break;
            case ComplaintMove.VerifyCorrectiveAction:
                complaint.VerifyCorrectiveAction(1, VerificationResult.Passed, text, null, actor, now, CompanyCalendar.Default);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }
}
