using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using ComplaintDesk.Web.Api.OpenApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplaintDesk.Web.Api;

/// <summary>Registers the REST API: bearer tokens, JSON rules, error mapping, rate limits and the OpenAPI document.</summary>
public static class ApiServiceCollectionExtensions
{
    public const string TokenRateLimit = "api-token";

    public static WebApplicationBuilder AddComplaintDeskApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var environment = builder.Environment;
        var relaxedKey = environment.IsDevelopment() || environment.IsEnvironment("Testing");

        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => o.TokenRequestsPerMinute > 0 && o.RequestsPerMinute > 0 && o.MaxJsonBodyBytes >= 1024, "Api limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<JwtOptions>().Bind(builder.Configuration.GetSection(JwtOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && relaxedKey)
                {
                    o.SigningKey = JwtOptions.DevelopmentKey;
                }
            })
            .Validate(o => o.SigningKey is { Length: >= JwtOptions.MinimumKeyLength },
                $"Jwt:SigningKey must be set to a secret of at least {JwtOptions.MinimumKeyLength} characters (outside Development and Testing).")
            .Validate(o => o.LifetimeMinutes is > 0 and <= 24 * 60, "Jwt:LifetimeMinutes must be between 1 and 1440.")
            .ValidateOnStart();

        services.AddAuthentication().AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, TimeProvider>((o, jwt, clock) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = JwtOptions.Issuer,
                    ValidAudience = JwtOptions.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(jwt.Value.KeyBytes()),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = System.Security.Claims.ClaimTypes.Name,
                    RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),

                    // Lifetime by the app's clock (a TimeProvider), so tests and the issuer agree on "now".
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore.Value - parameters.ClockSkew <= now)
                            && expires is { } until && now < until + parameters.ClockSkew;
                    },
                };
                o.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await ApiProblems.Unauthorized("请先通过 POST /api/v1/auth/token 获取访问令牌，并以 Authorization: Bearer <token> 发送；令牌可能已过期。", "auth.token-required")
                            .ExecuteAsync(context.HttpContext);
                    },
                    OnForbidden = context => ApiProblems.Forbidden().ExecuteAsync(context.HttpContext),
                    OnTokenValidated = RefuseEndedSessionAsync,
                };
            });

        services.AddScoped<TokenIssuer>();
        services.AddScoped<ComplaintDetails>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Binding failures (bad JSON, wrong types, bad query values) throw, so the handler can answer 400 ProblemDetails.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));

        services.AddRateLimiter(o =>
        {
            o.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.TokenRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            var pages = o.OnRejected;
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    if (pages is not null)
                    {
                        await pages(context, cancellationToken);
                    }

                    return;
                }

                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await ApiProblems.TooManyRequests().ExecuteAsync(context.HttpContext);
            };
        });

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ComplaintDesk API",
                Version = "v1",
                Description =
                    "客服中心投诉台的 REST 接口：获取令牌、分类、登记与处理投诉、附件、主数据。" +
                    " Get a token with POST /api/v1/auth/token and send it as `Authorization: Bearer <token>`. " +
                    "Every error is RFC 7807 ProblemDetails: 400 with field `errors` (Chinese messages), 401, 403, 404 (also for a complaint " +
                    "of another project), 409 with `ruleCode` for a move the procedure refuses or a concurrent change, 413, 415, 429. " +
                    "Enums are written and read as their names (e.g. \"ManagementService\", \"Major\"); times are UTC.",
            });
            o.AddSecurityDefinition(ApiOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken of POST /api/v1/auth/token.",
            });
            o.DocInclusionPredicate((_, description) => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true);
            o.TagActionsBy(description => [TagOf(description.RelativePath)]);
            o.OrderActionsBy(description => description.RelativePath + " " + description.HttpMethod);
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            o.UseAllOfToExtendReferenceSchemas();
            o.OperationFilter<ApiOperationFilter>();
            o.SchemaFilter<DeprecatedFieldsSchemaFilter>();
            o.ParameterFilter<QueryParameterDocsFilter>();
            o.OperationFilter<ResponseHeadersOperationFilter>();
            o.SchemaFilter<ProblemDetailsSchemaFilter>();
            o.SchemaFilter<RequiredPropertiesSchemaFilter>();
            o.DocumentFilter<ContractDocumentFilter>();
        });

        // The document describes enums and names as the API writes them (names, camelCase), not MVC's defaults.
        // (Swashbuckle recognises JsonStringEnumConverter; the requests themselves are read by EnumNameConverterFactory.)
        var schemaOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        schemaOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        services.Replace(ServiceDescriptor.Transient<ISerializerDataContractResolver>(_ => new JsonSerializerDataContractResolver(schemaOptions)));
        return builder;
    }

    /// <summary>
    /// A token is refused as soon as its account's security stamp changed (sign-out, password change, deactivation,
    /// reset) — within <c>App:SessionCheckSeconds</c> on other instances.
    /// </summary>
    private static async Task RefuseEndedSessionAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var validator = services.GetRequiredService<Infrastructure.Security.SessionValidator>();
        if (!await validator.IsCurrentAsync(context.Principal, services.GetRequiredService<Data.ComplaintDeskDbContext>(), context.HttpContext.RequestAborted))
        {
            context.Fail("The session of this token has ended.");
        }
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new EnumNameConverterFactory());
        options.Converters.Add(new Infrastructure.Text.TextInputJsonConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NullMeansNotGiven.Modify);

        // The schemas say additionalProperties: false; a field the API does not know is refused (400), not ignored.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = 32;
    }

    private static string TagOf(string? path)
    {
        var segment = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2).FirstOrDefault() ?? "api";
        return segment switch
        {
            "auth" => "Auth",
            "classification" => "Classification",
            "complaints" when path!.Contains("/attachments", StringComparison.Ordinal) => "Attachments",
            "complaints" or "corrective-actions" => "Complaints",
            _ => "Master data",
        };
    }
}
