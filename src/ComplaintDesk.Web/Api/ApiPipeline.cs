using ComplaintDesk.Web.Features.Reports;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Api;

/// <summary>Maps <c>/api/v1</c> and <c>/swagger</c>; call after authentication and authorization.</summary>
public static class ApiPipeline
{
    public static WebApplication UseComplaintDeskApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var attachmentBytes = app.Services.GetRequiredService<IOptions<Features.Attachments.AttachmentOptions>>().Value.MaxBytes;

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            // A safety net: any error answer without a body (e.g. an unreadable multipart form) still gets ProblemDetails.
            api.UseStatusCodePages(context => ApiProblems.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
            api.UseMiddleware<RequestBodyLimitMiddleware>();
        });

        var swagger = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        swagger.UseMiddleware<SwaggerGateMiddleware>();
        swagger.UseSwagger();
        swagger.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "ComplaintDesk API v1");
            o.DocumentTitle = "ComplaintDesk API";
        });
        app.Map("/swagger/{**path}", swagger.Build()).AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").WithMetadata(new RequestSizeLimitAttribute(options.MaxJsonBodyBytes));
        AuthEndpoints.Map(api.MapGroup("/auth"));

        var secured = api.MapGroup(string.Empty)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiAuthorization.Scheme, Policy = Policies.ViewComplaints })
            .AddEndpointFilter<ApiRateLimitFilter>();
        ClassificationEndpoints.Map(secured);
        MasterDataEndpoints.Map(secured);
        ReferralEndpoints.MapSources(secured);
        var complaints = secured.MapGroup("/complaints");
        ComplaintEndpoints.Map(complaints);
        AttachmentEndpoints.Map(complaints, attachmentBytes);
        secured.MapReportsApi();
        CorrectiveActionEndpoints.Map(secured);
        IncidentEndpoints.Map(secured);

        // Signed-in callers learn why no endpoint took their request; anonymous ones only that they must sign in.
        app.MapFallback("/api/{**path}", ApiFallback.Answer)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiAuthorization.Scheme })
            .ExcludeFromDescription();
        return app;
    }
}

/// <summary>
/// What an /api request that no endpoint took hears: 405 when the path exists for other methods, 415 when it exists for
/// this method but the body's content type was refused, else 404. (The catch-all would otherwise turn both into 404.)
/// </summary>
internal static class ApiFallback
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var methods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (pattern.RawText is not { } raw || !raw.StartsWith("/api/v1", StringComparison.Ordinal) || raw.Contains("**", StringComparison.Ordinal))
            {
                continue;
            }

            var matcher = new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(raw), new RouteValueDictionary());
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                methods.UnionWith(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []);
            }
        }

        if (methods.Count == 0)
        {
            return ApiProblems.NotFound("没有这个接口，请查看 /swagger 中的接口文档。");
        }

        if (!methods.Contains(context.Request.Method))
        {
            context.Response.Headers.Allow = string.Join(", ", methods.Order(StringComparer.Ordinal));
            return ApiProblems.Problem(StatusCodes.Status405MethodNotAllowed, "不支持的请求方法", $"该接口只接受 {string.Join("、", methods.Order(StringComparer.Ordinal))}。");
        }

        return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型", "请求体请使用 application/json（附件上传使用 multipart/form-data）。");
    }
}

/// <summary>One fixed-window limiter per user (or, before sign-in, per address) over the whole API.</summary>
public sealed class ApiRateLimiter(IOptions<ApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var key = user is not null ? "user:" + user : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return _limiter.AttemptAcquire(key);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Applies <see cref="ApiRateLimiter"/> after authentication, when the user is known.</summary>
public sealed class ApiRateLimitFilter(ApiRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var lease = limiter.Acquire(context.HttpContext);
        if (!lease.IsAcquired)
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return ApiProblems.TooManyRequests();
        }

        return await next(context);
    }
}

/// <summary>
/// Refuses a request body over the endpoint's size limit with 413 ProblemDetails before anything reads it,
/// whatever the server (Kestrel enforces the same limit; the in-process test server does not).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                return ApiProblems.TooLarge($"请求内容不能超过 {max / 1024} KB。").ExecuteAsync(context);
            }

            context.Request.Body = new LimitedReadStream(context.Request.Body, max);
        }

        return next(context);
    }

    /// <summary>Throws a 413 <see cref="BadHttpRequestException"/> once more than the limit was read (chunked bodies).</summary>
    private sealed class LimitedReadStream(Stream inner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > max)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}

/// <summary>
/// Swagger UI and the document: open to anyone in Development; elsewhere to signed-in staff only (cookie or bearer).
/// Anonymous browsers are sent to the sign-in page, anonymous API clients get 401.
/// </summary>
public sealed class SwaggerGateMiddleware(RequestDelegate next, IWebHostEnvironment environment)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (environment.IsDevelopment() || context.User.Identity?.IsAuthenticated == true)
        {
            await next(context);
            return;
        }

        var bearer = await context.AuthenticateAsync(ApiAuthorization.Scheme);
        if (bearer.Succeeded)
        {
            context.User = bearer.Principal;
            await next(context);
            return;
        }

        if (context.Request.Headers.Authorization.Count > 0)
        {
            await ApiProblems.Unauthorized("访问令牌无效或已过期。", "auth.token-required").ExecuteAsync(context);
            return;
        }

        await context.ChallengeAsync(IdentityConstants.ApplicationScheme);
    }
}
