using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Complaints;
using FluentValidation;
using Severity = ComplaintDesk.Domain.Classification.Severity;


namespace ComplaintDesk.Web.Api;

/// <summary>Request for an access token.</summary>
public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>A bearer token and its lifetime in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>The facts of a complaint to classify without storing anything; <c>daysUnresolved</c> as the clock would count it.</summary>
public sealed class ClassificationRequest : FactsInput
{
    public int DaysUnresolved { get; set; }
}

public sealed class ClassificationRequestValidator : FactsInputValidator<ClassificationRequest>
{
    public const int MaxDaysUnresolved = 36500;

    public ClassificationRequestValidator()
    {
        RuleFor(x => x.DaysUnresolved)
            .InclusiveBetween(0, MaxDaysUnresolved)
            .WithMessage($"未解决天数必须在 0 到 {MaxDaysUnresolved} 之间。");
    }
}

/// <summary>A clause of the procedure that applied and why.</summary>
public sealed record ClauseDto(string Code, string Explanation);

/// <summary>Type, severity, the clauses that fired, flags, and the reasons in words.</summary>
public sealed record ClassificationResponse(
    ComplaintType Type,
    string TypeLabel,
    Severity? Severity,
    string SeverityLabel,
    IReadOnlyList<ClauseDto> Clauses,
    IReadOnlyList<ComplaintFlag> Flags,
    IReadOnlyList<string> Explanations)
{
    public static ClassificationResponse From(ClassificationResult result) => new(
        result.Type,
        Labels.Of(result.Type),
        result.Severity,
        Labels.Of(result.Severity),
        result.Clauses.Select(c => new ClauseDto(c.Code, c.Explanation)).ToList(),
        result.Flags,
        [.. result.Clauses.Select(c => $"{c.Code}：{c.Explanation}"), .. result.Flags.Select(Labels.Of)]);
}

/// <summary>What <c>POST /complaints</c> answers; the same on an idempotent retry.</summary>
public sealed record RegisteredComplaint(long Id, string Number, DateTime RegisteredAt, string Url);

/// <summary>A page of the list and the cursor of the next page (null on the last page).</summary>
public sealed record ComplaintListResponse(IReadOnlyList<ComplaintListItem> Items, string? NextCursor);

public sealed record TimelineEntryDto(
    long Id, DateTime At, string ActorName, TimelineKind Kind, ComplaintStatus? FromStatus, ComplaintStatus? ToStatus, string? Note, string? Detail);

/// <summary>A follow-up: recorded at <c>At</c>, made at <c>AttemptedAt</c>; <c>PhoneCalled</c> for phone follow-ups.</summary>
public sealed record FollowUpDto(
    long Id, DateTime At, string ActorName, FollowUpMethod Method, FollowUpOutcome Outcome, string? Note, DateTime AttemptedAt, string? PhoneCalled);

public sealed record DeadlineDto(DeadlineKind Kind, string Label, DateTime DueAt, DateTime? MetAt, bool Overdue);

/// <summary>A move the caller may make now, and where to post it.</summary>
public sealed record AllowedMoveDto(ComplaintMove Move, string Label, string Href);

/// <summary>One complaint as the detail page shows it; <c>version</c> goes back as <c>expectedVersion</c> or <c>If-Match</c>.</summary>
public sealed record ComplaintDetail(
    long Id,
    string Number,
    int Version,
    ComplaintStatus Status,
    string StatusLabel,
    ComplaintType Type,
    Severity? Severity,
    IReadOnlyList<string> Clauses,
    IReadOnlyList<string> Flags,
    bool IsGroup,
    ClassificationFacts Facts,
    int ProjectId,
    string ProjectName,
    int TopicId,
    string TopicName,
    int? DepartmentId,
    string? DepartmentName,
    string? AssigneeName,
    string? ExternalParty,
    Channel Channel,
    string ComplainantName,
    ComplainantKind ComplainantKind,
    string Phone,
    string Location,
    string Content,
    string? Resolution,
    DateTime RegisteredAt,
    string RegisteredByName,
    string OwnerId,
    string OwnerName,
    DateTime? DispatchedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime? WithdrawnAt,
    DateTime? NextDueAt,
    int FailedFollowUpAttempts,
    int ReopenCount,
    bool NeedsSecondFollowUp,
    string? FollowUpRefusal,
    IReadOnlyList<DeadlineDto> Deadlines,
    IReadOnlyList<AllowedMoveDto> AllowedMoves,
    IReadOnlyList<TimelineEntryDto> Timeline,
    IReadOnlyList<FollowUpDto> FollowUps,
    InvestigationDto? Investigation,
    ReferralDto? Referral,
    IReadOnlyList<AllowedReferralMoveDto> AllowedReferralMoves);

/// <summary>政府转办: the referral's ticket, deadlines, steps, pending request and the referring body's satisfaction.</summary>
public sealed record ReferralDto(
    int SourceId,
    string SourceName,
    string TicketNumber,
    DateTime ReceivedAt,
    string State,
    DateTime? SignForDue,
    DateTime? FirstFeedbackDue,
    DateTime? CompletionDue,
    DateTime? SignedForAt,
    DateTime? FirstFeedbackAt,
    string? FirstFeedbackNote,
    string? ReplyText,
    DateTime? ReplySentAt,
    string? ReplyByName,
    ComplaintDesk.Domain.Referrals.ReferralRequestKind? PendingRequest,
    string? PendingReason,
    DateTime? PendingCompletionDue,
    int ExtensionsRequested,
    int ExtensionsApproved,
    DateTime? ReturnedAt,
    ComplaintDesk.Domain.Referrals.ReferralSatisfaction? Satisfaction,
    DateTime? SatisfactionAt);

/// <summary>A referral move the caller may make now, with the URL to POST.</summary>
public sealed record AllowedReferralMoveDto(ComplaintDesk.Domain.Referrals.ReferralMove Move, string Label, string Href);

/// <summary>转办来源 with its default deadlines in hours from receipt (null: none).</summary>
public sealed record ReferralSourceDto(int Id, string Name, int? SignForHours, int? FirstFeedbackHours, int? CompletionHours, bool IsActive);

public sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string UploadedByName, string Href);

public sealed record ProjectDto(int Id, string Code, string Name, bool IsActive);

public sealed record DepartmentDto(int Id, string Name, bool IsActive);

public sealed record TopicDto(int Id, string Name, int? DefaultDepartmentId, bool IsActive);
