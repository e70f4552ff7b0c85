using System.Net;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Bluesky;

// The video service's 401s (BadJwtAudience, BadJwtLexiconMethod, JwtExpired...) refuse a service token
// the PDS signed a moment ago, not the channel's session: reconnecting would not help, so they are
// Rejected with the service's reason instead of marking the channel for reconnection. The rest reads
// as any Bluesky answer.
public sealed class BlueskyVideoErrorInspector(TimeProvider clock) : IProviderErrorInspector
{
    private readonly BlueskyErrorInspector _bluesky = new(atConnect: false, clock);

    public ProviderException? Inspect(ProviderResponse response) =>
        response.Status == HttpStatusCode.Unauthorized
            ? new ProviderException(ProviderErrorKind.Rejected,
                $"Bluesky's video service refused the upload's authorization ({response.String("error")}: {ProviderErrors.MessageOf(response)}).", statusCode: 401)
            : _bluesky.Inspect(response);
}
