namespace ComplaintDesk.Web.Infrastructure.Mail;

/// <summary>A file attached to an outgoing mail.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An e-mail to send when SMTP is configured.</summary>
public sealed record MailDraft(IReadOnlyList<string> To, string Subject, string Body, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>
/// Queues e-mail in the database; a background sender delivers it through SMTP when configured, retries
/// failures and never blocks the caller. Without SMTP settings nothing is queued.
/// </summary>
public interface IMailOutbox
{
    bool IsEnabled { get; }

    Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default);
}
