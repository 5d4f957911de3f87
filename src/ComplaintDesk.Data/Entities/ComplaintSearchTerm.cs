using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Data.Entities;

/// <summary>
/// One token of one complaint in the search index (<see cref="Domain.Search.SearchTokens"/>): a posting list per token,
/// read newest first along the key (docs/decisions/0012-search-index.md). Written by the same SaveChanges as the change.
/// </summary>
public sealed class ComplaintSearchTerm
{
    public string Token { get; set; } = string.Empty;

    public long ComplaintId { get; set; }

    /// <summary>Set instead of <see cref="ComplaintId"/> for a complaint being added (its key is given on insert).</summary>
    public Complaint? Complaint { get; set; }
}
