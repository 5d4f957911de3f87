using ComplaintDesk.Data;
using ComplaintDesk.Web.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog;

namespace ComplaintDesk.Web.Infrastructure;

public static class Pipeline
{
    /// <summary>Applies migrations where configured (never EnsureCreated) and seeds roles and, in Development, the demo.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintDeskDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.ShouldMigrateOnStartup)
        {
            await db.Database.MigrateAsync();
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteStatements.UseWriteAheadLogAsync(db);
        }

        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        await demo.EnsureRolesAsync();
        var appOptions = scope.ServiceProvider.GetRequiredService<IOptions<AppOptions>>().Value;
        if (!app.Environment.IsProduction() && appOptions.SeedDemoData)
        {
            await demo.SeedAsync();
        }
    }

    public static WebApplication UseComplaintDesk(this WebApplication app)
    {
        app.UseMiddleware<ServerTimingMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseMiddleware<ClientClosedRequestMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseComplaintDeskApi();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
