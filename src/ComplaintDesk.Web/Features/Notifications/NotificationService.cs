using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Notifications;

/// <summary>
/// Tells the supervisors and managers of a complaint's project (company-wide managers included) when it
/// becomes major or reaches escalation level 2: in the app, and by e-mail when SMTP is configured.
/// </summary>
public sealed class NotificationService(
    ComplaintDeskDbContext db,
    WriteGate gate,
    IMailOutbox outbox,
    ProcedurePolicies policies,
    TimeProvider clock,
    ILogger<NotificationService> logger) : IComplaintEventHandler
{
    public async Task HandleAsync(Complaint complaint, ComplaintEvent complaintEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(complaintEvent);
        if (complaintEvent.Kind == ComplaintEventKind.FlaggedForManagers)
        {
            var flags = string.Join("、", complaint.Flags.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => Enum.TryParse<ComplaintFlag>(f, out var flag) ? flag : (ComplaintFlag?)null)
                .OfType<ComplaintFlag>().Where(Complaint.IsManagersFlag).Select(Labels.Of));
            await NotifyAsync(complaint, $"{complaint.Type} 类投诉 {complaint.Number}（{flags}）请经理关注：B/C 类不分级，但群体、政府转办或媒体曝光的投诉需经理知悉。",
                managersOnly: true, cancellationToken);
            return;
        }

        if (complaintEvent.Kind != ComplaintEventKind.BecameMajor)
        {
            return;
        }

        var policy = await policies.GetAsync(cancellationToken);
        var why = string.Join("；", Classifier.Classify(complaint.Facts, policy.Classification).Clauses
            .Where(c => ClauseCodes.IsMajor(c.Code))
            .Select(c => $"{c.Code} {c.Explanation}"));
        await NotifyAsync(complaint, $"投诉 {complaint.Number} 已成为重大投诉，请立即督办。{why}", cancellationToken);
    }

    /// <summary>Writes one notification per supervisor and manager of the project, then queues an e-mail.</summary>
    public Task<int> NotifyAsync(Complaint complaint, string message, CancellationToken cancellationToken = default) =>
        NotifyAsync(complaint, message, managersOnly: false, cancellationToken);

    /// <summary>Writes one notification per manager of the project (news for managers only), then queues an e-mail.</summary>
    public Task<int> NotifyManagersAsync(Complaint complaint, string message, CancellationToken cancellationToken = default) =>
        NotifyAsync(complaint, message, managersOnly: true, cancellationToken);

    private async Task<int> NotifyAsync(Complaint complaint, string message, bool managersOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var recipients = await RecipientsAsync(complaint.ProjectId, managersOnly, cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var text = message.Length > Notification.MessageLength ? message[..(Notification.MessageLength - 1)] + "…" : message;
        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(cancellationToken))
        {
            foreach (var recipient in recipients)
            {
                db.Notifications().Add(new Notification { UserId = recipient.Id, ComplaintId = complaint.Id, Message = text, CreatedAt = now });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Complaint {ComplaintNumber}: {Count} supervisors and managers notified", complaint.Number, recipients.Count);

        var addresses = recipients.Select(r => r.Email).OfType<string>().Where(e => !string.IsNullOrWhiteSpace(e)).Distinct().ToList();
        if (outbox.IsEnabled && addresses.Count > 0)
        {
            await outbox.EnqueueAsync(
                new MailDraft(addresses, $"【投诉督办】{complaint.Number}", $"{message}\n\n在投诉处理台打开：/Complaints/{complaint.Id}"),
                cancellationToken);
        }

        return recipients.Count;
    }

    private async Task<List<Recipient>> RecipientsAsync(int projectId, bool managersOnly, CancellationToken cancellationToken)
    {
        var roleIds = db.Roles.Where(r => (!managersOnly && r.Name == Roles.Supervisor) || r.Name == Roles.Manager).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Where(u => u.IsCompanyWide || db.StaffProjects.Any(p => p.UserId == u.Id && p.ProjectId == projectId))
            .Select(u => new Recipient(u.Id, u.Email))
            .ToListAsync(cancellationToken);
    }

    private sealed record Recipient(string Id, string? Email);
}
