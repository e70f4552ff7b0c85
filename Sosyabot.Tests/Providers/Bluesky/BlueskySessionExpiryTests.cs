using Microsoft.Extensions.Options;
using Sosyabot.Core.Net;
using System.Buffers.Text;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Bluesky;

public class BlueskySessionExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private static string Jwt(string payloadJson) =>
        $"{Encode("""{"typ":"at+jwt","alg":"ES256K"}""")}.{Encode(payloadJson)}.{Encode("signature")}";

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_exp_claim_of_a_session_jwt_is_its_expiry()
    {
        var jwt = Jwt("""{"scope":"com.atproto.appPass","sub":"did:plc:abc","iat":1777896000,"exp":1777903200}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1777903200), BlueskyJwt.ExpiresAt(jwt));
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("eyJ.%%%.sig")]
    public void Something_that_is_not_a_jwt_has_no_expiry(string token) => Assert.Null(BlueskyJwt.ExpiresAt(token));

    [Fact]
    public void A_jwt_without_exp_has_no_expiry() =>
        Assert.Null(BlueskyJwt.ExpiresAt(Jwt("""{"scope":"com.atproto.appPass","sub":"did:plc:abc"}""")));

    // A PDS whose tokens carry no readable exp: the documented 2-hour default, from the injected clock.
    [Fact]
    public async Task A_session_without_a_readable_exp_is_given_two_hours()
    {
        var provider = new BlueskyProvider(TestApis.Factory(new CannedHttp(_ => """{"accessJwt":"opaque-access","refreshJwt":"opaque-refresh","did":"did:plc:abc","handle":"a.bsky.social"}""")),
            new SafeHttpPolicy(Options.Create(new SafeHttpOptions())), new FixedTimeProvider(Now), NullLogger<BlueskyProvider>.Instance);
        var channel = new Channel { Platform = BlueskyDefaults.Key, Pid = "did:plc:abc", DisplayName = "a" }.ToContext(new ChannelTokens("old-access", "old-refresh"));

        var tokens = await provider.RefreshAsync(channel, CancellationToken.None);

        Assert.Equal(Now.AddHours(2), tokens.ExpiresAt);
        Assert.Null(tokens.RefreshTokenExpiresAt);
    }

    private sealed class CannedHttp(Func<HttpRequestMessage, string> answer) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name)
        {
            Assert.Equal(ProviderClients.UserSupplied, name);
            return new HttpClient(new Handler(answer));
        }

        private sealed class Handler(Func<HttpRequestMessage, string> answer) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer(request), Encoding.UTF8, "application/json") });
        }
    }
}
