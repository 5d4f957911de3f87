namespace ComplaintDesk.Data.Entities;

/// <summary>
/// A client's <c>Idempotency-Key</c> for <c>POST /api/v1/complaints</c>: inserted in the transaction that creates the
/// complaint, so a retry finds the first complaint and concurrent duplicates can never create a second one.
/// </summary>
public sealed class IdempotencyKey
{
    public const int KeyLength = 100;
    public const int UserIdLength = 64;
    public const int RequestHashLength = 64;

    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the request body, to refuse the same key reused for a different request.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public long ComplaintId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
