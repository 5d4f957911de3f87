using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Investigations;

/// <summary>Where an investigation report (调查处理报告) stands.</summary>
public enum InvestigationStatus
{
    /// <summary>待审核: written by a supervisor, waiting for a manager.</summary>
    Submitted = 0,

    /// <summary>已审核: approved by a manager; its corrective actions are open.</summary>
    Approved = 1,

    /// <summary>已退回: a manager sent it back with a reason; the supervisor revises it.</summary>
    Returned = 2,
}

/// <summary>Where one corrective action (整改措施) stands.</summary>
public enum CorrectiveActionStatus
{
    /// <summary>待审核: part of a report not yet approved; no clock runs.</summary>
    Draft = 0,

    /// <summary>整改中: approved, its clock runs until it is done.</summary>
    Open = 1,

    /// <summary>待验证: the owner department has done it; waiting for verification.</summary>
    Completed = 2,

    /// <summary>已验证: verified as done (整改验证通过).</summary>
    Verified = 3,

    /// <summary>已作废: replaced by a revised report, or its complaint was withdrawn.</summary>
    Cancelled = 4,
}

/// <summary>整改验证的结果.</summary>
public enum VerificationResult
{
    Passed = 0,
    Failed = 1,
}

/// <summary>A corrective action as the supervisor writes it into the report.</summary>
public sealed record CorrectiveActionPlan(string Description, int OwnerDepartmentId, string OwnerDepartmentName, DateOnly DueOn);

/// <summary>
/// What a supervisor writes in an investigation report: what happened, the cause, the responsible department (and person,
/// optional) and one or more corrective actions. Department names are taken as they are at the time of writing, as the
/// report is a record.
/// </summary>
public sealed record InvestigationReport(
    string WhatHappened,
    string Cause,
    int ResponsibleDepartmentId,
    string ResponsibleDepartmentName,
    string? ResponsiblePerson,
    IReadOnlyList<CorrectiveActionPlan> Actions);

/// <summary>调查处理报告 of one complaint (at most one); changed only through the complaint's moves.</summary>
public sealed class Investigation
{
    public const int TextLength = 2000;
    public const int PersonLength = 50;
    public const int DepartmentNameLength = 50;
    public const int MaxActions = 20;

    // For EF Core.
    private Investigation()
    {
        WhatHappened = string.Empty;
        Cause = string.Empty;
        ResponsibleDepartmentName = string.Empty;
        WrittenById = string.Empty;
        WrittenByName = string.Empty;
    }

    internal Investigation(InvestigationReport report, Actor actor, DateTime now)
        : this()
    {
        Write(report, actor, now);
    }

    public long Id { get; private set; }

    public long ComplaintId { get; private set; }

    /// <summary>事情经过.</summary>
    public string WhatHappened { get; private set; }

    /// <summary>原因分析.</summary>
    public string Cause { get; private set; }

    public int ResponsibleDepartmentId { get; private set; }

    public string ResponsibleDepartmentName { get; private set; }

    public string? ResponsiblePerson { get; private set; }

    public InvestigationStatus Status { get; private set; }

    /// <summary>When it was last written or revised (UTC).</summary>
    public DateTime WrittenAt { get; private set; }

    public string WrittenById { get; private set; }

    public string WrittenByName { get; private set; }

    /// <summary>When a manager last approved or returned it (UTC).</summary>
    public DateTime? ReviewedAt { get; private set; }

    public string? ReviewedById { get; private set; }

    public string? ReviewedByName { get; private set; }

    /// <summary>The manager's comment on approval, or the reason for returning it.</summary>
    public string? ReviewNote { get; private set; }

    internal void Write(InvestigationReport report, Actor actor, DateTime now)
    {
        WhatHappened = report.WhatHappened.Trim();
        Cause = report.Cause.Trim();
        ResponsibleDepartmentId = report.ResponsibleDepartmentId;
        ResponsibleDepartmentName = report.ResponsibleDepartmentName.Trim();
        ResponsiblePerson = string.IsNullOrWhiteSpace(report.ResponsiblePerson) ? null : report.ResponsiblePerson.Trim();
        Status = InvestigationStatus.Submitted;
        WrittenAt = now;
        WrittenById = actor.Id;
        WrittenByName = actor.Name;
    }

    internal void Review(bool approved, string? note, Actor actor, DateTime now)
    {
        Status = approved ? InvestigationStatus.Approved : InvestigationStatus.Returned;
        ReviewedAt = now;
        ReviewedById = actor.Id;
        ReviewedByName = actor.Name;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>
/// 整改措施: one corrective action of an investigation, with its owner department, due date and verification. Its own
/// clock runs from the report's approval until it is completed (<see cref="ClockDueAt"/>).
/// </summary>
public sealed class CorrectiveAction
{
    public const int DescriptionLength = 500;

    // For EF Core.
    private CorrectiveAction()
    {
        Description = string.Empty;
        OwnerDepartmentName = string.Empty;
    }

    internal CorrectiveAction(int no, CorrectiveActionPlan plan, DateTime dueAt)
        : this()
    {
        No = no;
        Description = plan.Description.Trim();
        OwnerDepartmentId = plan.OwnerDepartmentId;
        OwnerDepartmentName = plan.OwnerDepartmentName.Trim();
        DueOn = plan.DueOn;
        DueAt = dueAt;
        Status = CorrectiveActionStatus.Draft;
    }

    public long Id { get; private set; }

    public long ComplaintId { get; private set; }

    /// <summary>1, 2, 3 … within the report that holds it.</summary>
    public int No { get; private set; }

    public string Description { get; private set; }

    public int OwnerDepartmentId { get; private set; }

    public string OwnerDepartmentName { get; private set; }

    /// <summary>The due date as written (company zone); done by the end of that day.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>The end of <see cref="DueOn"/> in the company zone, in UTC: overdue after this instant.</summary>
    public DateTime DueAt { get; private set; }

    public CorrectiveActionStatus Status { get; private set; }

    /// <summary>When the report was approved and the action opened (UTC); null while a draft.</summary>
    public DateTime? OpenedAt { get; private set; }

    /// <summary>Start of the current round: the approval, or the failed verification that reopened it.</summary>
    public DateTime? RoundStartedAt { get; private set; }

    /// <summary>1 from approval; each failed verification starts the next round with a new due date.</summary>
    public int Round { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? CompletedById { get; private set; }

    public string? CompletedByName { get; private set; }

    /// <summary>整改情况: what the owner department did.</summary>
    public string? CompletionNote { get; private set; }

    /// <summary>整改验证: when, by whom, with what result (the last verification; earlier ones are in the timeline).</summary>
    public DateTime? VerifiedAt { get; private set; }

    public string? VerifiedById { get; private set; }

    public string? VerifiedByName { get; private set; }

    public VerificationResult? VerificationResult { get; private set; }

    public string? VerificationNote { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    /// <summary>When the clock next has to look at this action (just after it falls due, when it is overdue by its whole period again); null when nothing can fire.</summary>
    public DateTime? ClockDueAt { get; private set; }

    /// <summary>The period the owner department was given in the current round (the level-2 escalation comes after as long again).</summary>
    public TimeSpan Period => RoundStartedAt is { } start && DueAt > start ? DueAt - start : TimeSpan.Zero;

    public bool IsOverdueAt(DateTime now) => Status == CorrectiveActionStatus.Open && now > DueAt;

    /// <summary>The escalation key's cycle: the action and its round, so that a reopened action can fall due again.</summary>
    public long Cycle => (No * 1000L) + Round;

    internal void Open(DateTime now)
    {
        Status = CorrectiveActionStatus.Open;
        OpenedAt = now;
        RoundStartedAt = now;
        Round = 1;
        ClockDueAt = DueAt.AddMicroseconds(1);
    }

    internal void Complete(string note, Actor actor, DateTime now)
    {
        Status = CorrectiveActionStatus.Completed;
        CompletedAt = now;
        CompletedById = actor.Id;
        CompletedByName = actor.Name;
        CompletionNote = note.Trim();
        ClockDueAt = null;
    }

    internal void Verify(VerificationResult result, string? note, DateOnly? newDueOn, DateTime? newDueAt, Actor actor, DateTime now)
    {
        VerifiedAt = now;
        VerifiedById = actor.Id;
        VerifiedByName = actor.Name;
        VerificationResult = result;
        VerificationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (result == Investigations.VerificationResult.Passed)
        {
            Status = CorrectiveActionStatus.Verified;
            return;
        }

        // Done again from scratch: the last completion is in the timeline; the report counts the completion that stands.
        Status = CorrectiveActionStatus.Open;
        CompletedAt = null;
        CompletedById = null;
        CompletedByName = null;
        CompletionNote = null;
        DueOn = newDueOn!.Value;
        DueAt = newDueAt!.Value;
        RoundStartedAt = now;
        Round++;
        ClockDueAt = DueAt.AddMicroseconds(1);
    }

    internal void Cancel(DateTime now)
    {
        Status = CorrectiveActionStatus.Cancelled;
        CancelledAt = now;
        ClockDueAt = null;
    }

    /// <summary>The clock looked at <paramref name="now"/>: the next instant after it at which this action can escalate.</summary>
    internal void ClockLooked(DateTime now)
    {
        DateTime? next = null;
        if (Status == CorrectiveActionStatus.Open)
        {
            foreach (var instant in new[] { DueAt.AddMicroseconds(1), DueAt + Period })
            {
                if (instant > now && (next is null || instant < next))
                {
                    next = instant;
                }
            }
        }

        ClockDueAt = next;
    }
}

/// <summary>Chinese words for the investigation and its actions.</summary>
public static class InvestigationLabels
{
    public static string Of(InvestigationStatus status) => status switch
    {
        InvestigationStatus.Submitted => "待审核",
        InvestigationStatus.Approved => "已审核",
        InvestigationStatus.Returned => "已退回",
        _ => status.ToString(),
    };

    public static string Of(CorrectiveActionStatus status) => status switch
    {
        CorrectiveActionStatus.Draft => "待审核",
        CorrectiveActionStatus.Open => "整改中",
        CorrectiveActionStatus.Completed => "待验证",
        CorrectiveActionStatus.Verified => "已验证",
        CorrectiveActionStatus.Cancelled => "已作废",
        _ => status.ToString(),
    };

    public static string Of(VerificationResult result) => result switch
    {
        VerificationResult.Passed => "验证通过",
        VerificationResult.Failed => "验证未通过",
        _ => result.ToString(),
    };
}
