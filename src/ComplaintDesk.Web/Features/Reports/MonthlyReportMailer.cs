using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>The <c>Reports:Mail</c> section: the monthly report mailed to managers.</summary>
public sealed class ReportMailOptions
{
    public const string SectionName = "Reports:Mail";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the job wakes to see whether last month's report is still to be sent.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>
/// Once the company's calendar has turned to a new month, mails the previous month's report (.xlsx) to every
/// active manager with an e-mail address, through <see cref="IMailOutbox"/> when SMTP is configured. The
/// month is claimed by inserting its <see cref="ReportDispatch"/> row first, so that when several instances
/// wake at once only one sends.
/// </summary>
public sealed class MonthlyReportMailer(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ReportMailOptions> options,
    ILogger<MonthlyReportMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Monthly report mail failed; will try again in {Interval}", options.Value.CheckInterval);
            }

            await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
        }
    }

    /// <summary>Sends last month's report if no instance has yet; returns the month sent, or null.</summary>
    public async Task<YearMonth?> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var outbox = services.GetService<IMailOutbox>();
        if (outbox is not { IsEnabled: true })
        {
            return null;
        }

        var db = services.GetRequiredService<ComplaintDeskDbContext>();
        var policy = await services.GetRequiredService<ProcedurePolicies>().GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var month = policy.Calendar.MonthOf(now).AddMonths(-1);
        var key = month.ToString();
        if (await db.ReportDispatches.AnyAsync(d => d.Month == key, cancellationToken))
        {
            return null;
        }

        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var recipients = (await users.GetUsersInRoleAsync(Roles.Manager))
            .Where(u => u.IsActive && !string.IsNullOrWhiteSpace(u.Email))
            .Select(u => u.Email!)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (recipients.Count == 0)
        {
            logger.LogWarning("Monthly report {Month} not mailed: no active manager has an e-mail address", key);
            return null;
        }

        if (!await ClaimAsync(db, services.GetRequiredService<WriteGate>(), key, now, recipients.Count, cancellationToken))
        {
            return null;
        }

        try
        {
            var report = await services.GetRequiredService<MonthlyReportService>()
                .GetAsync(ReportScope.Everything, month, null, cancellationToken);
            var workbook = ReportWorkbook.Build(report, policy.Calendar);
            await outbox.EnqueueAsync(new MailDraft(recipients, $"投诉月报 {ReportLabels.MonthTitle(month)}", Body(report),
                [new MailAttachment(ReportWorkbook.FileName(report), Xlsx.ContentType, workbook)]), cancellationToken);
        }
        catch
        {
            // Give the month back so that the next run (here or elsewhere) tries again.
            await db.ReportDispatches.Where(d => d.Month == key).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        logger.LogInformation("Monthly report {Month} mailed to {RecipientCount} managers", key, recipients.Count);
        return month;
    }

    private static async Task<bool> ClaimAsync(
        ComplaintDeskDbContext db, WriteGate gate, string month, DateTime now, int recipients, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            db.ReportDispatches.Add(new ReportDispatch { Month = month, SentAt = now, RecipientCount = recipients });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another instance claimed the month first.
                db.ChangeTracker.Clear();
                return false;
            }
        }
    }

    private static string Body(MonthlyReport report)
    {
        var lines = report.Summary.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Label}：{ReportLines.Format(l.Kind, l.Current)}（上月 {ReportLines.Format(l.Kind, l.Previous)}，去年同月 {ReportLines.Format(l.Kind, l.YearBefore)}）"));
        return $"各位经理：\n\n{report.Month} 投诉月报（{report.ScopeName}）如下，明细见附件。\n\n{string.Join('\n', lines)}\n\n重大投诉 {report.MajorComplaints.Count} 件。\n";
    }
}
