using System.Net;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Net;

namespace Sosyabot.Tests.Core.Net;

public sealed class SafeRequestHandlerTests
{
    // HTTP/3 runs over QUIC, which has no ConnectCallback, so it would bypass the address check.
    [Theory]
    [InlineData(HttpVersionPolicy.RequestVersionExact)]
    [InlineData(HttpVersionPolicy.RequestVersionOrHigher)]
    public async Task A_request_for_HTTP3_goes_down_the_pipeline_as_HTTP2_or_lower(HttpVersionPolicy policy)
    {
        var sent = new RecordingHandler();
        using var invoker = new HttpMessageInvoker(
            new SafeRequestHandler(new SafeHttpPolicy(Options.Create(new SafeHttpOptions()))) { InnerHandler = sent });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://mastodon.social/")
        {
            Version = HttpVersion.Version30,
            VersionPolicy = policy,
        };

        using var _ = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpVersion.Version20, sent.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionOrLower, sent.VersionPolicy);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public Version? Version { get; private set; }
        public HttpVersionPolicy? VersionPolicy { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (Version, VersionPolicy) = (request.Version, request.VersionPolicy);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
