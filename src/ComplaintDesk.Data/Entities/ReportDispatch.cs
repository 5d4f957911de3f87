namespace ComplaintDesk.Data.Entities;

/// <summary>
/// A month whose report has been mailed to the managers. The month is the key, so when several instances
/// of the app wake at once only the one whose insert succeeds sends it.
/// </summary>
public sealed class ReportDispatch
{
    /// <summary>yyyy-MM, the local month the report covers.</summary>
    public string Month { get; set; } = string.Empty;

    public DateTime SentAt { get; set; }

    public int RecipientCount { get; set; }
}
