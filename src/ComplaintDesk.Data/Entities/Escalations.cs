using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Data.Entities;

/// <summary>
/// One escalation of one complaint, recorded exactly once: the unique key (complaint, kind, cycle) holds
/// across several app instances over one database. The cycle tells repeats apart, e.g. the resolution
/// after a reopening or the next progress interval.
/// </summary>
public sealed class EscalationEvent
{
    public const int DetailLength = Escalation.DetailLength;

    public long Id { get; set; }

    public long ComplaintId { get; set; }

    /// <summary>The complaint's project, kept here so that "waiting in my projects" is one indexed count.</summary>
    public int ProjectId { get; set; }

    public EscalationKind Kind { get; set; }

    /// <summary>UTC ticks of the instant that starts the limit's cycle (0 for once per complaint).</summary>
    public long Cycle { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>When the limit fell due; null for escalations that are not about a limit.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>The limit in force (for "超时 5 小时（时限 24 小时）").</summary>
    public TimeSpan? Limit { get; set; }

    /// <summary>Why, in Chinese, as written into the timeline.</summary>
    public string Detail { get; set; } = string.Empty;

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedById { get; set; }

    public string? AcknowledgedByName { get; set; }

    public string? AcknowledgeNote { get; set; }

    /// <summary>The row that stores what the clock's rules recorded.</summary>
    public static EscalationEvent From(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return new EscalationEvent
        {
            ComplaintId = escalation.ComplaintId,
            ProjectId = escalation.ProjectId,
            Kind = escalation.Kind,
            Cycle = escalation.Cycle,
            OccurredAt = escalation.OccurredAt,
            DueAt = escalation.DueAt,
            Limit = escalation.Limit,
            Detail = escalation.Detail,
        };
    }
}

/// <summary>事件: complaints about one problem, linked so that their distinct complainants count for 3.1.2(e).</summary>
public sealed class Incident
{
    public const int NameLength = 100;

    public long Id { get; set; }

    public int ProjectId { get; set; }

    public int TopicId { get; set; }

    public string Name { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public string CreatedById { get; set; } = string.Empty;

    public string CreatedByName { get; set; } = string.Empty;
}

/// <summary>An in-app message to one member of staff about one complaint.</summary>
public sealed class Notification
{
    public const int MessageLength = 500;

    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public long? ComplaintId { get; set; }

    public string Message { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>An e-mail waiting to be sent (or sent); the background sender claims a row before sending it.</summary>
public sealed class OutboxMail
{
    public const int ToLength = 1000;
    public const int SubjectLength = 200;
    public const int ErrorLength = 1000;

    public long Id { get; set; }

    /// <summary>Addresses joined by ';'.</summary>
    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the next attempt may start; null once sent or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>An instance that claimed the row holds it until then; a crashed sender's claim runs out.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    public List<OutboxMailAttachment> Attachments { get; set; } = [];
}

public sealed class OutboxMailAttachment
{
    public const int FileNameLength = 200;
    public const int ContentTypeLength = 100;

    public long Id { get; set; }

    public long OutboxMailId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];
}
