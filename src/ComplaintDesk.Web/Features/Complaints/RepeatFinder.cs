using ComplaintDesk.Data;
using ComplaintDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>An earlier complaint the complainant may be raising again.</summary>
public sealed record RepeatCandidate(
    long Id,
    string Number,
    ComplaintStatus Status,
    DateTime RegisteredAt,
    DateTime? ClosedAt,
    string ComplainantName,
    int TimesRaisedUnresolved,
    int Version)
{
    /// <summary>Whether the desk may record the raise on it now (the lifecycle table decides).</summary>
    public bool AcceptsRepeatRaise => Lifecycle.RuleFor(ComplaintMove.RecordRepeatRaise).From.Contains(Status);
}

/// <summary>
/// Before registering, finds open or recently closed complaints of the same project, topic and location from
/// the same complainant (same phone or same name), so the desk counts a repeat raise instead of a new complaint.
/// </summary>
public sealed class RepeatFinder(ComplaintQueries queries, ProcedurePolicies policies, TimeProvider clock)
{
    public const int MaxCandidates = 5;

    public async Task<IReadOnlyList<RepeatCandidate>> FindAsync(RegisterComplaintInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ProjectId is not { } projectId || input.TopicId is not { } topicId
            || string.IsNullOrWhiteSpace(input.Location) || (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.ComplainantName)))
        {
            return [];
        }

        var policy = await policies.GetAsync(cancellationToken);
        var closedSince = clock.GetUtcNow().UtcDateTime.AddDays(-policy.RepeatWindowDays);
        var location = input.Location.Trim();
        // The same number however it was typed (138 1234 1234, +86 13812341234).
        var phone = PhoneNumber.TryParse(input.Phone, out var parsed) ? parsed.Normalized : string.Empty;
        var name = input.ComplainantName?.Trim() ?? string.Empty;
        return await queries.Visible()
            .Where(c => c.ProjectId == projectId && c.TopicId == topicId && c.Location == location)
            .Where(c => (phone != string.Empty && c.PhoneNormalized == phone) || (name != string.Empty && c.ComplainantName == name))
            .Where(c => c.Status == ComplaintStatus.Registered || c.Status == ComplaintStatus.InProgress || c.Status == ComplaintStatus.OnHold
                || c.Status == ComplaintStatus.Resolved || (c.Status == ComplaintStatus.Closed && c.ClosedAt >= closedSince))
            .OrderByDescending(c => c.Id)
            .Take(MaxCandidates)
            .Select(c => new RepeatCandidate(
                c.Id, c.Number, c.Status, c.RegisteredAt, c.ClosedAt, c.ComplainantName, c.Facts.TimesRaisedUnresolved, c.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What to pre-fill as 业主已反映次数 when the desk registers a new complaint anyway.</summary>
    public static int NextTimesRaised(IEnumerable<RepeatCandidate> candidates, int current) =>
        Math.Min(FieldLimits.MaxTimesRaised, Math.Max(current, candidates.Select(c => c.TimesRaisedUnresolved + 1).DefaultIfEmpty(current).Max()));
}
