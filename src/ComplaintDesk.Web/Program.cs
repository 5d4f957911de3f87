using ComplaintDesk.Web.Infrastructure;
using Serilog;

// A plain logger until the host's own replaces it; a reloadable bootstrap logger can be frozen only once,
// which breaks hosts started side by side (tests, two instances in one process).
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddComplaintDesk();
    var app = builder.Build();

    if (CommandLine.IsCommand(args))
    {
        return await CommandLine.RunAsync(app, args);
    }

    await app.PrepareDatabaseAsync();
    app.UseComplaintDesk();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "ComplaintDesk stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The app's entry point; public so that tests can host it.</summary>
public partial class Program;
