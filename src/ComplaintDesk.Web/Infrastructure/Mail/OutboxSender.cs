using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Infrastructure.Mail;

/// <summary>Delivers queued mail in the background while SMTP is configured; off otherwise.</summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SmtpOptions> options, ILogger<OutboxSender> logger)
    : PeriodicScopedService(scopes, clock, logger)
{
    protected override string JobName => "Sending queued mail";

    protected override TimeSpan? Interval => options.Value.IsEnabled ? TimeSpan.FromSeconds(options.Value.PollSeconds) : null;

    protected override Task RunOnceAsync(IServiceProvider services, DateTime nowUtc, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxDispatcher>().SendDueAsync(nowUtc, cancellationToken);
}
