using ComplaintDesk.Data;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintDesk.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in-process over a real SQLite file built by the migrations (or a PostgreSQL database copied from a
/// migrated template when <see cref="TestPostgres.Enabled"/>), with the demo master data and accounts, and a clock
/// the test moves. Each factory has its own database.
/// </summary>
public sealed class DeskAppFactory : WebApplicationFactory<Program>
{
    /// <summary>2026-11-16 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    static DeskAppFactory()
    {
        // Hundreds of hosts start and stop in a run: without this each one takes inotify instances (appsettings reload,
        // asp-append-version), and on a machine where other processes hold some the user's limit (128) is reached and
        // a host fails to start. Tests never edit files under a running host.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "complaintdesk-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _kestrel;
    private string? _postgres;
    private bool _seeded;

    public DeskAppFactory()
        : this(kestrel: false)
    {
    }

    /// <param name="kestrel">Serve on a real loopback port over plain HTTP (for a browser) instead of the in-memory test server.</param>
    public DeskAppFactory(bool kestrel)
    {
        _kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(0);
            Settings["App:SecureCookies"] = "false";
        }
    }

    /// <summary>The real address when serving on Kestrel, e.g. http://127.0.0.1:41234.</summary>
    public Uri ServerAddress => _kestrel
        ? new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First())
        : new Uri("https://localhost");

    public FakeTimeProvider Clock { get; } = new(DefaultStart);

    /// <summary>What this host logged at or above Serilog's minimum level (Warning unless a test's settings lower it).</summary>
    public CapturedLog Log { get; } = new();

    public string DataFolder => _folder;

    /// <summary>The connection string of this factory's PostgreSQL database (null on SQLite).</summary>
    public string? PostgresConnectionString => _postgres;

    /// <summary>Extra settings (key → value) applied over appsettings, e.g. for a test that needs SMTP.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("App:DataFolder", _folder);
        if (TestPostgres.Enabled)
        {
            _postgres ??= TestPostgres.CreateDatabase();
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:ComplaintDesk", _postgres);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Log);
        });
    }

    /// <summary>Builds the database with the migrations and seeds demo data once.</summary>
    public async Task<DeskAppFactory> StartAsync()
    {
        if (_kestrel)
        {
            StartServer();
        }
        else
        {
            _ = Server;
        }

        if (!_seeded)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
            _seeded = true;
        }

        return this;
    }

    /// <summary>A client signed in as one of the demo accounts (clerk, supervisor, manager, admin, clerk2).</summary>
    public async Task<DeskClient> SignInAsync(string userName, string password = DemoData.DemoPassword)
    {
        await StartAsync();
        var client = CreateDeskClient();
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public DeskClient CreateDeskClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));

    public async Task<T> WithDbAsync<T>(Func<ComplaintDeskDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ComplaintDeskDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_postgres is not null)
        {
            TestPostgres.DropDatabase(_postgres);
            _postgres = null;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
