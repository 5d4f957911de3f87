using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Web.Api;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Reports;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace ComplaintDesk.Web.Infrastructure;

public static class ServiceRegistration
{
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddComplaintDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var appOptions = configuration.GetSection(AppOptions.SectionName).Get<AppOptions>() ?? new AppOptions();
        var dataFolder = appOptions.ResolveDataFolder(builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataFolder);
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.SectionName))
            .Validate(o => o.SessionCheckSeconds is >= 0 and <= 300, "App:SessionCheckSeconds must be between 0 and 300.")
            .ValidateOnStart();

        // Each host keeps its own logger (preserveStaticLogger), not the process-wide Log.Logger that the last host
        // started would otherwise own; ReadFrom.Services: sinks registered as services join (a test host captures its
        // own log that way).
        builder.Host.UseSerilog((context, provider, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .WriteTo.Console()
            .WriteTo.File(Path.Combine(dataFolder, "logs", "complaintdesk-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30),
            preserveStaticLogger: true);

        // Chinese stays readable in the page source (and pages are ~20% smaller).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddComplaintDeskData(configuration, dataFolder);
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Sqlite && database.CheckpointSeconds > 0)
        {
            services.AddSingleton<SqliteCheckpointer>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        }
        services.AddDataProtection().SetApplicationName("ComplaintDesk").PersistKeysToDbContext<ComplaintDeskDbContext>();

        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ComplaintDeskDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ComplaintDesk.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = appOptions.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = Security.SessionValidator.ValidateCookieAsync;
        });
        services.AddSingleton<Security.SessionValidator>();
        services.AddSingleton<Security.FailureThrottle>();
        services.AddScoped<Security.SignInGate>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ComplaintDesk.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = appOptions.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("请求过于频繁，请稍后再试。", cancellationToken);
            };
        });

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Complaints", Policies.ViewComplaints);
            o.Conventions.AuthorizeFolder("/CorrectiveActions", Policies.ViewComplaints);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AuthorizeFolder("/Reports", Policies.Reports);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new Text.TextInputModelBinderProvider()));
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        services.AddValidatorsFromAssemblyContaining<RegisterComplaintValidator>(ServiceLifetime.Singleton);
        services.AddScoped<CurrentStaff>();
        services.AddScoped<ProcedurePolicies>();
        services.AddScoped<ComplaintWorkflow>();
        services.AddScoped<ProjectStaff>();
        services.AddScoped<ComplaintQueries>();
        services.AddScoped<Features.Investigations.CorrectiveActionQueries>();
        services.AddScoped<DemoData>();
        services.AddScoped<Tools.DataGenerator>();
        services.AddOptions<Features.Attachments.AttachmentOptions>().Bind(configuration.GetSection(Features.Attachments.AttachmentOptions.SectionName)).ValidateOnStart();
        services.AddScoped<Features.Attachments.AttachmentService>();
        Features.Escalations.EscalationsServiceCollectionExtensions.AddEscalations(services, configuration);
        services.AddReports(configuration);
        Housekeeping.HousekeepingServiceCollectionExtensions.AddHousekeeping(services, configuration);
        services.AddComplaintDeskPages();
        builder.AddComplaintDeskApi();
        return builder;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // Relative, never built from the Host header the request came with.
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
