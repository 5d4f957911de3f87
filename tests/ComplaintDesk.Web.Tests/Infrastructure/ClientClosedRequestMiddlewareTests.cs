using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ComplaintDesk.Web.Tests.Infrastructure;

public sealed class ClientClosedRequestMiddlewareTests
{
    [Fact]
    public async Task Invoke_ClientGoneAndWorkCancelled_Answers499WithoutThrowing()
    {
        using var gone = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = gone.Token };
        var middleware = new ClientClosedRequestMiddleware(_ =>
        {
            gone.Cancel();
            throw new TaskCanceledException();
        });

        await middleware.InvokeAsync(context);

        Assert.Equal(ClientClosedRequestMiddleware.ClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task Invoke_CancelledWhileTheClientIsStillThere_LetsTheErrorThrough()
    {
        var context = new DefaultHttpContext();
        var middleware = new ClientClosedRequestMiddleware(_ => throw new TaskCanceledException());

        await Assert.ThrowsAsync<TaskCanceledException>(() => middleware.InvokeAsync(context));
    }
}
