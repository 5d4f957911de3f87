using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;

namespace ComplaintDesk.Web.Api;

/// <summary>调查处理报告 of a complaint, with its corrective actions (replaced drafts left out).</summary>
public sealed record InvestigationDto(
    InvestigationStatus Status,
    string StatusLabel,
    string WhatHappened,
    string Cause,
    int ResponsibleDepartmentId,
    string ResponsibleDepartmentName,
    string? ResponsiblePerson,
    DateTime WrittenAt,
    string WrittenByName,
    DateTime? ReviewedAt,
    string? ReviewedByName,
    string? ReviewNote,
    IReadOnlyList<CorrectiveActionDto> Actions)
{
    public static InvestigationDto? From(Complaint complaint, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.Investigation is not { } investigation)
        {
            return null;
        }

        return new InvestigationDto(
            investigation.Status,
            InvestigationLabels.Of(investigation.Status),
            investigation.WhatHappened,
            investigation.Cause,
            investigation.ResponsibleDepartmentId,
            investigation.ResponsibleDepartmentName,
            investigation.ResponsiblePerson,
            investigation.WrittenAt,
            investigation.WrittenByName,
            investigation.ReviewedAt,
            investigation.ReviewedByName,
            investigation.ReviewNote,
            complaint.CurrentCorrectiveActions.Select(a => CorrectiveActionDto.From(a, now)).ToList());
    }
}

/// <summary>整改措施: owner department, due day (北京时间) and instant, completion and verification.</summary>
public sealed record CorrectiveActionDto(
    int No,
    string Description,
    int OwnerDepartmentId,
    string OwnerDepartmentName,
    DateOnly DueOn,
    DateTime DueAt,
    CorrectiveActionStatus Status,
    string StatusLabel,
    bool Overdue,
    DateTime? OpenedAt,
    int Round,
    DateTime? CompletedAt,
    string? CompletedByName,
    string? CompletionNote,
    DateTime? VerifiedAt,
    string? VerifiedByName,
    VerificationResult? VerificationResult,
    string? VerificationNote)
{
    public static CorrectiveActionDto From(CorrectiveAction action, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new CorrectiveActionDto(
            action.No, action.Description, action.OwnerDepartmentId, action.OwnerDepartmentName, action.DueOn, action.DueAt, action.Status,
            InvestigationLabels.Of(action.Status), action.IsOverdueAt(now), action.OpenedAt, action.Round, action.CompletedAt, action.CompletedByName,
            action.CompletionNote, action.VerifiedAt, action.VerifiedByName, action.VerificationResult, action.VerificationNote);
    }
}
