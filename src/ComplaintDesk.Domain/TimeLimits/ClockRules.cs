using System.Globalization;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;

namespace ComplaintDesk.Domain.TimeLimits;

/// <summary>What one look of the clock recorded for a complaint; the level-2 escalation to announce, if any.</summary>
public sealed record ClockLook(IReadOnlyList<Escalation> Recorded, Escalation? Level2ToAnnounce);

/// <summary>
/// The clock's rules for one complaint at one instant, with no database: each overdue limit, escalation level and
/// 3.1.2(c) upgrade due by then and not yet in <c>recorded</c> is written into the complaint's timeline and returned
/// as an <see cref="Escalation"/>; the complaint's due instants are refreshed and its
/// <see cref="Complaint.ClockDueAt"/> moved to the next instant with something to look at. The web app's clock check
/// applies them to stored complaints; the data generator plays them through each generated complaint's life.
/// </summary>
public static class ClockRules
{
    /// <param name="recorded">The (kind, cycle) pairs already recorded for the complaint; what this look records is added.</param>
    public static ClockLook Look(Complaint complaint, ISet<(EscalationKind Kind, long Cycle)> recorded, DateTime now, ProcedurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(policy);
        var added = new List<Escalation>();

        void Record(EscalationKind kind, long cycle, DateTime? dueAt, TimeSpan? limit, TimelineKind timelineKind, string detail)
        {
            if (!recorded.Add((kind, cycle)))
            {
                return;
            }

            if (timelineKind != TimelineKind.UpgradedByClock)
            {
                complaint.Note(timelineKind, null, detail, Actor.System, now);
            }

            added.Add(new Escalation(complaint.Id, complaint.ProjectId, kind, cycle, now, dueAt, limit,
                detail.Length > Escalation.DetailLength ? detail[..Escalation.DetailLength] : detail));
        }

        // 3.1.2(c) first, so that the levels below see the complaint as major. The domain writes the timeline entry.
        if (!recorded.Contains((EscalationKind.UpgradedToMajor, 0)) && complaint.ApplyUnresolvedUpgrade(now, policy.Classification))
        {
            var days = complaint.DaysUnresolvedAt(now);
            Record(EscalationKind.UpgradedToMajor, 0, complaint.RegisteredAt.AddDays(policy.Classification.DaysUnresolvedForMajor), null,
                TimelineKind.UpgradedByClock,
                $"{ClauseCodes.MajorUnresolved} 有效投诉登记后 {days} 天仍未解决（达到 {policy.Classification.DaysUnresolvedForMajor} 天），自动升级为重大投诉");
        }

        var limits = policy.TimeLimits;
        var report = Deadlines.Evaluate(complaint, now, limits);
        var overdue = report.Overdue.ToList();
        foreach (var deadline in overdue)
        {
            var kind = EscalationText.OverdueKindOf(deadline.Kind);
            var whose = Deadline.IsReferral(deadline.Kind) && complaint.Referral is { } referral
                ? $"{referral.SourceName}工单 {referral.TicketNumber} "
                : string.Empty;
            Record(kind, CycleOf(complaint, deadline), deadline.DueAt, deadline.Limit, TimelineKind.Overdue,
                $"{EscalationText.Of(kind)}：{whose}应于 {Local(policy, deadline.DueAt)} 前完成（时限 {EscalationText.Limit(deadline.Limit)}）");
        }

        var cycle = complaint.ResolutionClockStart.Ticks;
        if (overdue.Count > 0 && !report.EscalatedBecauseMajor)
        {
            var first = overdue.MinBy(d => d.DueAt)!;
            Record(EscalationKind.Level1, cycle, first.DueAt, first.Limit, TimelineKind.Escalated,
                $"一级升级：{string.Join("、", overdue.Select(d => EscalationText.Of(EscalationText.OverdueKindOf(d.Kind))))}，提交客服主管督办");
        }

        Escalation? announce = null;
        if (report.EscalationLevel == 2)
        {
            var twice = overdue.Where(d => d.LevelAt(now) == 2).MinBy(d => d.DueAt);
            var reason = report.EscalatedBecauseMajor
                ? $"重大投诉（{string.Join("、", complaint.Clauses.Split(';').Where(ClauseCodes.IsMajor))}）"
                : $"{EscalationText.Of(EscalationText.OverdueKindOf(twice!.Kind))}已超过时限一倍以上";
            var before = added.Count;
            Record(EscalationKind.Level2, cycle, twice?.DueAt, twice?.Limit, TimelineKind.Escalated, $"二级升级：{reason}，提交经理督办");

            // Becoming major is announced by its own notification; an overdue that reached level 2 is announced here.
            if (added.Count > before && !report.EscalatedBecauseMajor)
            {
                announce = added[^1];
            }
        }

        // The stored due instants follow the limits in force (they change when an administrator changes them).
        complaint.ClockChecked(limits, policy.Classification, now);
        return new ClockLook(added, announce);
    }

    /// <summary>The instant that starts a limit's cycle, so that the same limit can fire again in a new cycle.</summary>
    private static long CycleOf(Complaint complaint, Deadline deadline) => deadline.Kind switch
    {
        DeadlineKind.Dispatch => 0,
        DeadlineKind.Progress => (deadline.DueAt - deadline.Limit).Ticks,
        DeadlineKind.FollowUp => (complaint.ResolvedAt ?? deadline.DueAt - deadline.Limit).Ticks,
        // A referral's deadline fires once per due instant: an approved 延期 sets a new one that may fire again.
        DeadlineKind.ReferralSignFor or DeadlineKind.ReferralFirstFeedback or DeadlineKind.ReferralCompletion => deadline.DueAt.Ticks,
        _ => complaint.ResolutionClockStart.Ticks,
    };

    private static string Local(ProcedurePolicy policy, DateTime utc) =>
        policy.Calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
