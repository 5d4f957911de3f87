namespace ComplaintDesk.Domain.Complaints;

/// <summary>回访: a call or visit after resolution.</summary>
public sealed class FollowUp
{
    public FollowUp(DateTime at, string actorId, string actorName, FollowUpMethod method, FollowUpOutcome outcome, string? note)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Method = method;
        Outcome = outcome;
        Note = note;
    }

    public long Id { get; private set; }

    public long ComplaintId { get; private set; }

    public DateTime At { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public FollowUpMethod Method { get; private set; }

    public FollowUpOutcome Outcome { get; private set; }

    public string? Note { get; private set; }
}
