using System.Net;
using ComplaintDesk.Data;
using ComplaintDesk.Web.Infrastructure.Mail;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>A complaint becoming major tells the project's supervisors and managers, in the app and (with SMTP) by mail.</summary>
[Collection(EscalationKit.Collection)]
public sealed class NotificationTests
{
    [Fact]
    public async Task Register_MajorComplaint_NotifiesSupervisorAndManagerButNotClerkAndQueuesNoMailWithoutSmtp()
    {
        using var app = EscalationKit.NewApp();
        await app.StartAsync();
        await SetEmailAsync(app, "supervisor", "supervisor@example.com");

        var id = await app.RegisterAsync(EscalationKit.Input(governmentReferral: true));

        var notified = await app.WithDbAsync(db => db.Notifications().Where(n => n.ComplaintId == id).Select(n => n.UserId).ToListAsync());
        Assert.Equal(2, notified.Count);
        Assert.Contains(await app.UserIdAsync("supervisor"), notified);
        Assert.Contains(await app.UserIdAsync("manager"), notified);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMails().CountAsync()));
        Assert.False(app.Services.GetRequiredService<IMailOutbox>().IsEnabled);
    }

    [Fact]
    public async Task NotificationsPage_MarkAsRead_ClearsTheNavCount()
    {
        using var app = EscalationKit.NewApp();
        await app.StartAsync();
        var id = await app.RegisterAsync(EscalationKit.Input(governmentReferral: true));
        var number = (await app.ComplaintAsync(id)).Number;
        using var client = await app.SignInAsync("manager");

        var html = await client.GetPageAsync("/Notifications");
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("3.1.2(d)", html, StringComparison.Ordinal);
        Assert.Contains("notification-count\">1<", html, StringComparison.Ordinal);

        var response = await client.PostFormAsync("/Notifications?handler=Read", [], "/Notifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("notification-count", await client.GetPageAsync("/Notifications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_SmtpHostUnreachable_DeskActionSucceedsAndMailStaysQueuedWithAttemptCounted()
    {
        using var app = EscalationKit.NewApp();
        app.Settings["Smtp:Host"] = "127.0.0.1";
        app.Settings["Smtp:Port"] = "1";
        app.Settings["Smtp:From"] = "desk@example.com";
        app.Settings["Smtp:TimeoutSeconds"] = "5";
        await app.StartAsync();
        await SetEmailAsync(app, "supervisor", "supervisor@example.com");
        await SetEmailAsync(app, "manager", "manager@example.com");

        var id = await app.RegisterAsync(EscalationKit.Input(governmentReferral: true));

        Assert.True(id > 0);
        var mail = await app.WithDbAsync(db => db.OutboxMails().AsNoTracking().SingleAsync());
        Assert.Equal("supervisor@example.com;manager@example.com", string.Join(';', mail.To.Split(';').Order().Reverse()));
        Assert.Equal(0, mail.Attempts);

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var sent = await SendAsync(app, now);
        var again = await SendAsync(app, now);

        Assert.Equal(0, sent + again);
        var after = await app.WithDbAsync(db => db.OutboxMails().AsNoTracking().SingleAsync());
        Assert.Equal(1, after.Attempts);
        Assert.Null(after.SentAt);
        Assert.NotNull(after.LastError);
        Assert.True(after.NextAttemptAt > now);
        Assert.Null(after.ClaimedUntil);
    }

    private static async Task<int> SendAsync(DeskAppFactory app, DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(now);
    }

    private static Task<int> SetEmailAsync(DeskAppFactory app, string userName, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email)));
}
