using Microsoft.AspNetCore.Diagnostics;

namespace Sosyabot.Web.Infrastructure;

// Logs an unhandled request exception with the id the error page shows, then lets the page render.
public sealed partial class ErrorIdLogger(ILogger<ErrorIdLogger> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path;
        RequestFailed(ErrorIds.Of(httpContext), httpContext.Request.Method, path, exception);
        return ValueTask.FromResult(false);
    }

    [LoggerMessage(LogLevel.Error, "Request failed, error id {ErrorId}: {Method} {Path}")]
    private partial void RequestFailed(string errorId, string method, string path, Exception exception);
}
