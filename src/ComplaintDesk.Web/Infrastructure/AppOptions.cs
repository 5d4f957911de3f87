namespace ComplaintDesk.Web.Infrastructure;

/// <summary>The <c>App</c> configuration section.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>Where the SQLite file, logs and attachments live; relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Mark cookies Secure (HTTPS only). Off only for plain-HTTP test rigs on loopback.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Seed the demo projects and accounts. On in Development (appsettings.Development.json) and for
    /// load rigs; ignored in Production, where the first administrator is created by command.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>How long an instance trusts what it read of an account's security stamp: a sign-out, password change or
    /// deactivation elsewhere ends that account's sessions and tokens on this instance within this many seconds.</summary>
    public int SessionCheckSeconds { get; set; } = 5;

    public string ResolveDataFolder(string contentRoot) =>
        Path.IsPathRooted(DataFolder) ? DataFolder : Path.GetFullPath(Path.Combine(contentRoot, DataFolder));
}
