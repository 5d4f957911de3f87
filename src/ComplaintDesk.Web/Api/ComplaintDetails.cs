using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Api;

/// <summary>Builds the API's view of a complaint: names of project, topic and department, deadlines, allowed moves.</summary>
public sealed class ComplaintDetails(ComplaintDeskDbContext db, ComplaintQueries queries, CurrentStaff staff, ProcedurePolicies policies, TimeProvider clock)
{
    /// <summary>The URL segment of each move: <c>POST /api/v1/complaints/{id}/{segment}</c>.</summary>
    public static IReadOnlyDictionary<ComplaintMove, string> MoveSegments { get; } = new Dictionary<ComplaintMove, string>
    {
        [ComplaintMove.Dispatch] = "dispatch",
        [ComplaintMove.Reassign] = "reassign",
        [ComplaintMove.RecordProgress] = "progress",
        [ComplaintMove.PutOnHold] = "hold",
        [ComplaintMove.Resume] = "resume",
        [ComplaintMove.Resolve] = "resolve",
        [ComplaintMove.RecordFollowUp] = "follow-up",
        [ComplaintMove.CloseUnreachable] = "close-unreachable",
        [ComplaintMove.Reopen] = "reopen",
        [ComplaintMove.Reclassify] = "reclassify",
        [ComplaintMove.Withdraw] = "withdraw",
        [ComplaintMove.RecordRepeatRaise] = "repeat-raise",
        [ComplaintMove.HandOver] = "hand-over",
        [ComplaintMove.WriteInvestigation] = "investigation",
        [ComplaintMove.ApproveInvestigation] = "investigation/approve",
        [ComplaintMove.ReturnInvestigation] = "investigation/return",
        [ComplaintMove.CompleteCorrectiveAction] = "corrective-actions/complete",
        [ComplaintMove.VerifyCorrectiveAction] = "corrective-actions/verify",
    };

    public static string UrlOf(long id) => $"/api/v1/complaints/{id.ToString(CultureInfo.InvariantCulture)}";

    public async Task<ComplaintDetail?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var complaint = await queries.FindAsync(id, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var policy = await policies.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var projectName = await db.Projects.Where(p => p.Id == complaint.ProjectId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var topicName = await db.Topics.Where(t => t.Id == complaint.TopicId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var departmentName = complaint.DepartmentId is { } departmentId
            ? await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var report = Deadlines.Evaluate(complaint, now, policy.TimeLimits);
        var url = UrlOf(complaint.Id);
        return new ComplaintDetail(
            complaint.Id,
            complaint.Number,
            complaint.Version,
            complaint.Status,
            Lifecycle.LabelOf(complaint.Status),
            complaint.Type,
            complaint.Severity,
            Split(complaint.Clauses),
            Split(complaint.Flags),
            complaint.IsGroup,
            complaint.Facts,
            complaint.ProjectId,
            projectName ?? string.Empty,
            complaint.TopicId,
            topicName ?? string.Empty,
            complaint.DepartmentId,
            departmentName,
            complaint.AssigneeName,
            complaint.ExternalParty,
            complaint.Channel,
            complaint.ComplainantName,
            complaint.ComplainantKind,
            complaint.Phone,
            complaint.Location,
            complaint.Content,
            complaint.Resolution,
            complaint.RegisteredAt,
            complaint.RegisteredByName,
            complaint.OwnerId,
            complaint.OwnerName,
            complaint.DispatchedAt,
            complaint.ResolvedAt,
            complaint.ClosedAt,
            complaint.WithdrawnAt,
            complaint.NextDueAt,
            complaint.FailedFollowUpAttempts,
            complaint.ReopenCount,
            complaint.NeedsSecondFollowUp,
            complaint.Status == ComplaintStatus.Resolved ? complaint.FollowUpRefusal(staff.Actor, policy.FollowUps)?.Message : null,
            report.Deadlines.Select(d => new DeadlineDto(d.Kind, Deadline.LabelOf(d.Kind), d.DueAt, d.MetAt, d.IsOverdueAt(now))).ToList(),
            complaint.AllowedMoves(staff.Actor, policy.TimeLimits, policy.FollowUps, policy.Calendar)
                .Select(m => new AllowedMoveDto(m, Lifecycle.RuleFor(m).Label, $"{url}/{MoveSegments[m]}")).ToList(),
            complaint.Timeline.OrderBy(t => t.Id)
                .Select(t => new TimelineEntryDto(t.Id, t.At, t.ActorName, t.Kind, t.FromStatus, t.ToStatus, t.Note, t.Detail)).ToList(),
            complaint.FollowUps.OrderBy(f => f.Id)
                .Select(f => new FollowUpDto(f.Id, f.At, f.ActorName, f.Method, f.Outcome, f.Note, f.AttemptedAt, f.PhoneCalled)).ToList(),
            InvestigationDto.From(complaint, now),
            complaint.Referral is { } r
                ? new ReferralDto(r.SourceId, r.SourceName, r.TicketNumber, r.ReceivedAt, r.StateLabel, r.SignForDue, r.FirstFeedbackDue, r.CompletionDue,
                    r.SignedForAt, r.FirstFeedbackAt, r.FirstFeedbackNote, r.ReplyText, r.ReplySentAt, r.ReplyByName, r.PendingRequest, r.PendingReason,
                    r.PendingCompletionDue, r.ExtensionsRequested, r.ExtensionsApproved, r.ReturnedAt, r.Satisfaction, r.SatisfactionAt)
                : null,
            ReferralMoves.Allowed(complaint, staff.Actor)
                .Select(m => new AllowedReferralMoveDto(m, ReferralMoves.RuleFor(m).Label, $"{url}/{ReferralEndpoints.Segments[m]}")).ToList());
    }

    private static List<string> Split(string value) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>The list's opaque keyset cursor: the sort and the last id of the page before.</summary>
public static class ListCursor
{
    private const string Prefix = "c1";

    public static string Encode(ComplaintSort sort, long lastId) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{(int)sort}:{lastId}")));

    public static bool TryDecode(string cursor, out ComplaintSort sort, out long lastId)
    {
        sort = ComplaintSort.Newest;
        lastId = 0;
        if (cursor.Length is 0 or > 64)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(bytes).Split(':');
        if (parts.Length != 3 || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sortValue)
            || !Enum.IsDefined((ComplaintSort)sortValue)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out lastId)
            || lastId <= 0)
        {
            return false;
        }

        sort = (ComplaintSort)sortValue;
        return true;
    }
}
