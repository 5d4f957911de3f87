namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// A client that closes its connection mid-request cancels <see cref="HttpContext.RequestAborted"/>; the work then ends
/// in an <see cref="OperationCanceledException"/>. That is not a server error: answer 499 (nobody reads it) so that the
/// request log records it as a closed request instead of an error with a stack trace.
/// </summary>
public sealed class ClientClosedRequestMiddleware(RequestDelegate next)
{
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    }
}
