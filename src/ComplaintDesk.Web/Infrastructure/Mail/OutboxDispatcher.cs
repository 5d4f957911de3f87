using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ComplaintDesk.Web.Infrastructure.Mail;

/// <summary>
/// Sends the mail that is due. Each row is claimed with a conditional UPDATE before it is sent, so that two
/// instances never send the same mail; a failure is logged and retried later with a growing delay.
/// </summary>
public sealed class OutboxDispatcher(
    ComplaintDeskDbContext db,
    WriteGate gate,
    IOptions<SmtpOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private const int Batch = 20;
    private static readonly TimeSpan _claimFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan _maxDelay = TimeSpan.FromHours(6);

    /// <summary>Sends what is due at <paramref name="now"/>; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (!smtp.IsEnabled)
        {
            return 0;
        }

        var due = await db.OutboxMails().AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, now, cancellationToken))
            {
                continue;
            }

            var mail = await db.OutboxMails().AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await SendAsync(smtp, mail, cancellationToken);
                using (await gate.EnterAsync(cancellationToken))
                {
                    await db.OutboxMails().Where(m => m.Id == id).ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                            .SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null),
                        cancellationToken);
                }

                sent++;
                logger.LogInformation("Mail {MailId} sent to {To}", id, mail.To);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var giveUp = mail.Attempts >= smtp.MaxAttempts;
                DateTime? next = giveUp ? null : now + Delay(mail.Attempts);
                var error = ex.Message.Length > OutboxMail.ErrorLength ? ex.Message[..OutboxMail.ErrorLength] : ex.Message;
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    await db.OutboxMails().Where(m => m.Id == id).ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, error),
                        CancellationToken.None);
                }

                logger.LogWarning(ex, "Mail {MailId} attempt {Attempt} failed; next attempt {NextAttemptAt}", id, mail.Attempts, next);
            }
        }

        return sent;
    }

    /// <summary>2, 4, 8 … minutes after the attempts so far, at most six hours.</summary>
    public static TimeSpan Delay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Clamp(attempts, 1, 20)), _maxDelay.TotalMinutes));

    private async Task<bool> ClaimAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + _claimFor;
        using (await gate.EnterAsync(cancellationToken))
        {
            var claimed = await db.OutboxMails()
                .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            return claimed == 1;
        }
    }

    private static async Task SendAsync(SmtpOptions smtp, OutboxMail mail, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From ?? string.Empty));
        foreach (var address in mail.To.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Body };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(smtp.Host ?? string.Empty, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
