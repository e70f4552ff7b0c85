using System.Net;

namespace Sosyabot.Core.Net;

// Outermost handler of the safe client: refuses disallowed schemes, keeps requests off HTTP/3, and surfaces
// connect-time refusals (SafeConnector, which also judges literal addresses) as BlockedDestinationException.
internal sealed class SafeRequestHandler(SafeHttpPolicy policy) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!policy.AllowsScheme(uri))
            throw new BlockedDestinationException(SafeHttpPolicy.HostOf(uri), "only https is allowed, and http only for hosts under " +
                $"{SafeHttpOptions.Section}:{nameof(SafeHttpOptions.AllowedPrivateHosts)} when {nameof(SafeHttpOptions.AllowHttpForAllowedHosts)} is on");

        // QUIC has no ConnectCallback, so an HTTP/3 connection would skip the address check.
        if (request.Version >= HttpVersion.Version30)
            request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;

        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is BlockedDestinationException blocked)
        {
            // SocketsHttpHandler wraps ConnectCallback failures; callers should be able to catch the refusal itself.
            throw new BlockedDestinationException(blocked.Host, blocked.Reason, e);
        }
    }
}
