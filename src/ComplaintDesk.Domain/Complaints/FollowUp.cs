namespace ComplaintDesk.Domain.Complaints;

/// <summary>回访: a call or visit after resolution.</summary>
public sealed class FollowUp
{
    // For EF Core.
    private FollowUp()
    {
        ActorId = string.Empty;
        ActorName = string.Empty;
    }

    public FollowUp(
        DateTime at, string actorId, string actorName, FollowUpMethod method, FollowUpOutcome outcome, string? note, string? phoneCalled = null, DateTime? attemptedAt = null)
    {
        PhoneCalled = phoneCalled;
        AttemptedAt = attemptedAt ?? at;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Method = method;
        Outcome = outcome;
        Note = note;
    }

    public long Id { get; private set; }

    public long ComplaintId { get; private set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime At { get; private set; }

    /// <summary>When the call or visit was made (UTC); the 无法联系 rule counts the local days of these.</summary>
    public DateTime AttemptedAt { get; private set; }

    /// <summary>The number called, as typed (phone follow-ups); shown whole on the details page only, masked elsewhere.</summary>
    public string? PhoneCalled { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public FollowUpMethod Method { get; private set; }

    public FollowUpOutcome Outcome { get; private set; }

    public string? Note { get; private set; }
}
