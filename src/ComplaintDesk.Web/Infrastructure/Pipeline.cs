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
        // Outside the exception handlers, so a request is logged with the status it was answered with: a 400, 404 or
        // 409 at Information without a stack trace, only 5xx as errors (the handlers log those exceptions).
        app.UseSerilogRequestLogging(o =>
        {
            o.GetLevel = RequestLevel;
            o.Logger = app.Services.GetService<Serilog.ILogger>();
        });
        app.UseMiddleware<ServerTimingMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/Error");

            // The status reaches the error page through IStatusCodeReExecuteFeature, never the query string.
            pages.UseStatusCodePagesWithReExecute("/Error");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();

        // Everything past the static files may be personal data behind sign-in: no browser or proxy keeps a copy.
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
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

    private static Serilog.Events.LogEventLevel RequestLevel(HttpContext context, double elapsed, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError
            ? Serilog.Events.LogEventLevel.Error
            : Serilog.Events.LogEventLevel.Information;
}
