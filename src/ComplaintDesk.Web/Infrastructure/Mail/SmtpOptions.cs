namespace ComplaintDesk.Web.Infrastructure.Mail;

/// <summary>The <c>Smtp</c> configuration section; mail is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>TLS from the first byte (port 465); otherwise STARTTLS when the server offers it.</summary>
    public bool UseSsl { get; set; }

    /// <summary>How often the sender looks for mail to send.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Attempts before a mail is given up (it stays in the table with its last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<string> Validate()
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            yield return "Smtp:From is required when Smtp:Host is set.";
        }

        if (Port is < 1 or > 65535)
        {
            yield return "Smtp:Port must be between 1 and 65535.";
        }

        if (PollSeconds is < 1 or > 3600 || MaxAttempts is < 1 or > 100 || TimeoutSeconds is < 1 or > 600)
        {
            yield return "Smtp:PollSeconds (1-3600), MaxAttempts (1-100) and TimeoutSeconds (1-600) are out of range.";
        }
    }
}
