using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.TimeLimits;

public enum DeadlineKind
{
    /// <summary>派单: registration → dispatch.</summary>
    Dispatch = 0,

    /// <summary>处理: clock start → resolution, time on hold excluded.</summary>
    Resolution = 1,

    /// <summary>进展: a major complaint in progress needs a progress entry every interval.</summary>
    Progress = 2,

    /// <summary>回访: resolution → follow-up.</summary>
    FollowUp = 3,

    // A referring body's deadlines (政府转办), from 20 on, apart from the kinds other features add.

    /// <summary>转办签收.</summary>
    ReferralSignFor = 20,

    /// <summary>转办首次反馈.</summary>
    ReferralFirstFeedback = 21,

    /// <summary>转办办结 (the 办结反馈).</summary>
    ReferralCompletion = 22,
}

/// <summary>One time limit of a complaint: when it is due, and when it was met (null while pending).</summary>
public sealed record Deadline(DeadlineKind Kind, DateTime DueAt, TimeSpan Limit, DateTime? MetAt)
{
    public bool IsPending => MetAt is null;

    public bool IsOverdueAt(DateTime now) => MetAt is null && now > DueAt;

    public bool WasMetLate => MetAt is { } met && met > DueAt;

    public TimeSpan OverdueBy(DateTime now) => IsOverdueAt(now) ? now - DueAt : TimeSpan.Zero;

    /// <summary>0 on time; 1 overdue (supervisors); 2 overdue by the whole limit again (managers).</summary>
    public int LevelAt(DateTime now) => !IsOverdueAt(now) ? 0 : now >= DueAt + Limit ? 2 : 1;

    public static string LabelOf(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Dispatch => "派单",
        DeadlineKind.Resolution => "处理",
        DeadlineKind.Progress => "进展报告",
        DeadlineKind.FollowUp => "回访",
        DeadlineKind.ReferralSignFor => "转办签收",
        DeadlineKind.ReferralFirstFeedback => "转办首次反馈",
        DeadlineKind.ReferralCompletion => "转办办结反馈",
        _ => kind.ToString(),
    };

    /// <summary>A referring body's deadline: it keeps running while the complaint is on hold.</summary>
    public static bool IsReferral(DeadlineKind kind) =>
        kind is DeadlineKind.ReferralSignFor or DeadlineKind.ReferralFirstFeedback or DeadlineKind.ReferralCompletion;
}

/// <summary>A complaint's time limits at an instant, and the escalation level they put it at.</summary>
public sealed record DeadlineReport(DateTime At, IReadOnlyList<Deadline> Deadlines, int EscalationLevel, bool EscalatedBecauseMajor)
{
    public IEnumerable<Deadline> Overdue => Deadlines.Where(d => d.IsOverdueAt(At));

    public bool IsOverdue => Overdue.Any();

    public Deadline? Of(DeadlineKind kind) => Deadlines.FirstOrDefault(d => d.Kind == kind);
}

/// <summary>Evaluates a complaint's time limits at an instant read from the caller's <see cref="TimeProvider"/>.</summary>
public static class Deadlines
{
    public static DeadlineReport Evaluate(Complaint complaint, DateTime now, TimeLimitPolicy limits)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(limits);
        var list = new List<Deadline>();
        if (complaint.Status == ComplaintStatus.Withdrawn)
        {
            return new DeadlineReport(now, list, 0, false);
        }

        list.Add(new Deadline(DeadlineKind.Dispatch, complaint.RegisteredAt + limits.Dispatch, limits.Dispatch, complaint.DispatchedAt));

        var resolutionLimit = limits.ResolutionLimit(complaint.Type, complaint.Severity);
        list.Add(new Deadline(DeadlineKind.Resolution, complaint.ResolutionDueAt(limits, now), resolutionLimit, complaint.ResolvedAt));

        if (complaint.IsMajor && complaint.Status == ComplaintStatus.InProgress)
        {
            var start = Max(complaint.LastProgressAt ?? complaint.RegisteredAt, complaint.BecameMajorAt ?? complaint.RegisteredAt);
            list.Add(new Deadline(DeadlineKind.Progress, start + limits.MajorProgressInterval, limits.MajorProgressInterval, null));
        }

        if (complaint.ResolvedAt is { } resolvedAt && complaint.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
        {
            // A follow-up recorded before this resolution (a dissatisfied one that reopened it) does not meet this limit.
            var followedUp = complaint.FollowedUpAt is { } at && at >= resolvedAt ? at : (DateTime?)null;
            var met = complaint.Status == ComplaintStatus.Closed ? followedUp ?? complaint.ClosedAt : null;
            list.Add(new Deadline(DeadlineKind.FollowUp, resolvedAt + limits.FollowUp, limits.FollowUp, met));
        }

        if (complaint.Referral is { IsActive: true } referral)
        {
            // Closing needs the reply; a step never recorded by then is not watched after the close.
            var closedAt = complaint.Status == ComplaintStatus.Closed ? complaint.ClosedAt : null;
            void AddReferral(DeadlineKind kind, DateTime? due, DateTime? met)
            {
                if (due is { } at)
                {
                    list.Add(new Deadline(kind, at, at - referral.ReceivedAt, met ?? closedAt));
                }
            }

            AddReferral(DeadlineKind.ReferralSignFor, referral.SignForDue, referral.SignedForEffective);
            AddReferral(DeadlineKind.ReferralFirstFeedback, referral.FirstFeedbackDue, referral.FirstFeedbackEffective);
            AddReferral(DeadlineKind.ReferralCompletion, referral.CompletionDue, referral.ReplySentAt);
        }

        var level = list.Count == 0 ? 0 : list.Max(d => d.LevelAt(now));
        var major = complaint.IsMajor && complaint.Status is not (ComplaintStatus.Closed or ComplaintStatus.Withdrawn);
        if (major)
        {
            level = 2;
        }

        return new DeadlineReport(now, list, level, major);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
