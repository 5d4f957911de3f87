using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Infrastructure.Mail;

/// <summary>
/// Puts mail into the <c>OutboxMails</c> table (in a context of its own, so that the caller's unsaved work is
/// not saved with it); <see cref="OutboxSender"/> delivers it. Without SMTP settings nothing is queued.
/// </summary>
public sealed class MailOutbox(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, IOptions<SmtpOptions> options, ILogger<MailOutbox> logger)
    : IMailOutbox
{
    public bool IsEnabled => options.Value.IsEnabled;

    public async Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!IsEnabled)
        {
            return;
        }

        var to = string.Join(';', draft.To.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct());
        if (to.Length == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var mail = new OutboxMail
        {
            To = to.Length > OutboxMail.ToLength ? to[..OutboxMail.ToLength] : to,
            Subject = draft.Subject.Length > OutboxMail.SubjectLength ? draft.Subject[..OutboxMail.SubjectLength] : draft.Subject,
            Body = draft.Body,
            CreatedAt = now,
            NextAttemptAt = now,
            Attachments = (draft.Attachments ?? [])
                .Select(a => new OutboxMailAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content })
                .ToList(),
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintDeskDbContext>();
        using (await gate.EnterAsync(cancellationToken))
        {
            db.OutboxMails().Add(mail);
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Mail {MailId} queued: {Subject}", mail.Id, mail.Subject);
    }
}
