using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Tests.TestSupport;

/// <summary>Complaints in given states, built through the aggregate's own moves.</summary>
public static class Given
{
    /// <summary>When every built complaint is registered: 09:00 on 2 November 2026 in Shanghai.</summary>
    public static DateTime T0 { get; } = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>After every step the builder takes: the instant a test acts at.</summary>
    public static DateTime Later { get; } = T0.AddHours(1);

    public static ClassificationPolicy Policy => ClassificationPolicy.Default;

    public static TimeLimitPolicy Limits => TimeLimitPolicy.Default;

    public static ComplaintIntake Intake(ClassificationFacts? facts = null) => new(
        1,
        2,
        null,
        Channel.Phone,
        "王女士",
        ComplainantKind.Owner,
        "13812341234",
        "3栋2单元1101",
        "电梯停运两天无人处理",
        facts ?? FactsSpec.A());

    /// <summary>An investigation report with two actions: 工程部 by 20 November, 客服部 by 30 November (local dates).</summary>
    public static InvestigationReport Investigation(string cause = "维保单位夜间值班人员不足，接警后 40 分钟才到场") => new(
        "11月1日晚3栋电梯困人，业主被困约40分钟",
        cause,
        3,
        "工程部",
        "李师傅",
        [
            new CorrectiveActionPlan("约谈维保单位，夜间增派值班人员", 3, "工程部", new DateOnly(2026, 11, 20)),
            new CorrectiveActionPlan("客服部组织电梯困人应急演练", 1, "客服部", new DateOnly(2026, 11, 30)),
        ]);

    public static Complaint Registered(ClassificationFacts? facts = null, DateTime? at = null, ClassificationPolicy? policy = null) =>
        Complaint.Register(Intake(facts), "TS2026110001", Actors.Clerk, at ?? T0, policy ?? Policy);

    /// <summary>
    /// A complaint registered at <see cref="T0"/> and walked to <paramref name="status"/> by the usual moves,
    /// one minute apart; for Resolved and Closed, <paramref name="unreachableAttempts"/> failed follow-ups are
    /// recorded after the resolution, one minute apart (one local day). Follow-ups are made by the supervisor (the clerk
    /// resolved it; the follow-up rules allow a supervisor for every severity). Events raised on the way are cleared.
    /// </summary>
    public static Complaint InStatus(ComplaintStatus status, ClassificationFacts? facts = null, int unreachableAttempts = 0)
    {
        var complaint = Registered(facts);
        var now = T0;
        if (status == ComplaintStatus.Withdrawn)
        {
            complaint.Withdraw(WithdrawReason.ByComplainant, "业主撤回", Actors.Supervisor, now = now.AddMinutes(1));
        }
        else if (status != ComplaintStatus.Registered)
        {
            complaint.Dispatch(3, "李师傅", null, Actors.Clerk, now = now.AddMinutes(1), Limits);
        }

        if (status == ComplaintStatus.OnHold)
        {
            complaint.PutOnHold("业主不在家", Actors.Clerk, now = now.AddMinutes(1));
        }

        if (status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
        {
            complaint.Resolve("已更换电梯门机", Actors.Clerk, now = now.AddMinutes(1), Limits);
            for (var i = 0; i < unreachableAttempts; i++)
            {
                complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, null, Actors.Supervisor, now = now.AddMinutes(1), Policy);
            }
        }

        if (status == ComplaintStatus.Closed)
        {
            if (complaint.IsMajor)
            {
                // A major complaint closes only with an approved investigation (issue 17).
                complaint.WriteInvestigation(Investigation(), Actors.Supervisor, now = now.AddMinutes(1), ComplaintDesk.Domain.Calendar.CompanyCalendar.Default);
                complaint.ApproveInvestigation(null, Actors.Manager, now = now.AddMinutes(1));
            }

            complaint.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, "业主满意", Actors.Supervisor, now.AddMinutes(1), Policy);
        }

        complaint.ClearEvents();
        return complaint;
    }
}
