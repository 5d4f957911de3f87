namespace ComplaintDesk.Domain.Complaints;

/// <summary>One line of a complaint's history: when, who, what, from → to, note. Never changed or deleted.</summary>
public sealed class TimelineEntry
{
    public TimelineEntry(
        DateTime at,
        string actorId,
        string actorName,
        TimelineKind kind,
        ComplaintStatus? fromStatus,
        ComplaintStatus? toStatus,
        string? note,
        string? detail = null)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Note = note;
        Detail = detail;
    }

    public long Id { get; private set; }

    public long ComplaintId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public TimelineKind Kind { get; private set; }

    public ComplaintStatus? FromStatus { get; private set; }

    public ComplaintStatus? ToStatus { get; private set; }

    /// <summary>What the person wrote (reason, progress, resolution …).</summary>
    public string? Note { get; private set; }

    /// <summary>What the system adds, e.g. the classification before and after.</summary>
    public string? Detail { get; private set; }

    /// <summary>
    /// UTC. When the resolution was due as the complaint stood after this entry (on hold: as of the entry's instant, the
    /// hold so far set aside), so that a past month's report can tell what was overdue at its cut. Stamped when the
    /// complaint's due instants are refreshed; null for a withdrawn complaint and for entries written before it existed.
    /// </summary>
    public DateTime? ResolutionDue { get; private set; }

    internal void StampResolutionDue(DateTime? due) => ResolutionDue = due;
}
