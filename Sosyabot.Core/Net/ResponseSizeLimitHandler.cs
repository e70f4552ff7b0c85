using Microsoft.Extensions.Options;

namespace Sosyabot.Core.Net;

internal sealed class ResponseSizeLimitHandler(IOptions<SafeHttpOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxResponseBytes;
        var host = SafeHttpPolicy.HostOf(request.RequestUri!);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw new ResponseTooLargeException(host, maxBytes);
        }
        // Chunked bodies declare no length: count while they are read.
        response.Content = new SizeLimitedContent(response.Content, maxBytes, host);
        return response;
    }
}
