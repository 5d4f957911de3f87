using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Notifications;
using ComplaintDesk.Web.Infrastructure.Mail;

namespace ComplaintDesk.Web.Features.Escalations;

public static class EscalationsServiceCollectionExtensions
{
    /// <summary>The clock, escalation queue, incidents, notifications and the mail outbox with its sender.</summary>
    public static IServiceCollection AddEscalations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName))
            .Validate(o => !o.Validate().Any(), "Smtp settings are invalid: Smtp:From is required with Smtp:Host, and the numbers must be in range.")
            .ValidateOnStart();

        services.AddScoped<ClockCheck>();
        services.AddScoped<CorrectiveActionClockCheck>();
        services.AddHostedService<ClockService>();
        services.AddScoped<IncidentService>();
        services.AddScoped<EscalationQueue>();

        services.AddScoped<NotificationService>();
        services.AddScoped<IComplaintEventHandler>(sp => sp.GetRequiredService<NotificationService>());

        services.AddSingleton<IMailOutbox, MailOutbox>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
