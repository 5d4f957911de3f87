using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Infrastructure.Mail;
using ComplaintDesk.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Reports;

public sealed class MonthlyReportMailerTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private readonly FakeOutbox _outbox = new();

    public async Task InitializeAsync()
    {
        _app.Settings["Reports:Mail:Enabled"] = "false";
        await _app.StartAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var manager = await users.FindByNameAsync("manager");
        await users.SetEmailAsync(manager!, "manager@example.com");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SendDue_NoOutboxRegistered_DoesNothing()
    {
        var sent = await _app.Services.GetRequiredService<MonthlyReportMailer>().SendDueAsync();

        Assert.Null(sent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ReportDispatches.CountAsync()));
    }

    [Fact]
    public async Task SendDue_TwoInstancesAtOnce_SendLastMonthOnce()
    {
        using var withMail = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailOutbox>(_outbox)));
        var first = withMail.Services.GetRequiredService<MonthlyReportMailer>();
        var second = new MonthlyReportMailer(
            withMail.Services.GetRequiredService<IServiceScopeFactory>(), _app.Clock,
            withMail.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportMailOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MonthlyReportMailer>.Instance);

        var results = await Task.WhenAll(first.SendDueAsync(), second.SendDueAsync());
        var again = await first.SendDueAsync();

        Assert.Single(results, r => r == new YearMonth(2026, 10));
        Assert.Null(again);
        var mail = Assert.Single(_outbox.Sent);
        Assert.Equal(["manager@example.com"], mail.To);
        Assert.Contains("2026 年 10 月", mail.Subject);
        var attachment = Assert.Single(mail.Attachments!);
        using var document = SpreadsheetDocument.Open(new MemoryStream(attachment.Content), false);
        Assert.NotNull(document.WorkbookPart);
        Assert.Equal("2026-10", await _app.WithDbAsync(db => db.ReportDispatches.Select(d => d.Month).SingleAsync()));
    }

    [Fact]
    public async Task SendDue_NextMonth_SendsThatMonthToo()
    {
        using var withMail = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailOutbox>(_outbox)));
        var mailer = withMail.Services.GetRequiredService<MonthlyReportMailer>();
        await mailer.SendDueAsync();

        // 1 December 00:30 in Shanghai: November is over.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        var sent = await mailer.SendDueAsync();

        Assert.Equal(new YearMonth(2026, 11), sent);
        Assert.Equal(2, _outbox.Sent.Count);
    }

    private sealed class FakeOutbox : IMailOutbox
    {
        public List<MailDraft> Sent { get; } = [];

        public bool IsEnabled => true;

        public Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
        {
            lock (Sent)
            {
                Sent.Add(draft);
            }

            return Task.CompletedTask;
        }
    }
}
