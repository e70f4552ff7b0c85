using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Bluesky;

public class BlueskyErrorInspectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    // Bodies and statuses as atproto's PDS sends them (xrpc-server errors, pds auth-verifier.ts).
    public static TheoryData<string, bool, int, string, ProviderErrorKind, string?> Cases => new()
    {
        { "wrong password at connect", true, 401, """{"error":"AuthenticationRequired","message":"Invalid identifier or password"}""", ProviderErrorKind.Rejected, "handle or app password is wrong" },
        { "email code required at connect", true, 401, """{"error":"AuthFactorTokenRequired","message":"A sign in code has been sent to your email address"}""", ProviderErrorKind.Rejected, "app password" },
        { "taken down at connect", true, 401, """{"error":"AccountTakedown","message":"Account has been taken down"}""", ProviderErrorKind.Rejected, "taken down" },
        { "other 401 at connect", true, 401, """{"error":"AuthMissing","message":"Authentication Required"}""", ProviderErrorKind.Auth, "Reconnect" },
        { "expired refresh token", false, 400, """{"error":"ExpiredToken","message":"Token has expired"}""", ProviderErrorKind.Auth, "Token has expired" },
        { "rotated refresh token", false, 400, """{"error":"ExpiredToken","message":"Token has been revoked"}""", ProviderErrorKind.Auth, "Reconnect" },
        { "bad signature", false, 400, """{"error":"InvalidToken","message":"Token could not be verified"}""", ProviderErrorKind.Auth, "Reconnect" },
        { "AppView expired token", false, 401, """{"error":"ExpiredToken","message":"Token has expired"}""", ProviderErrorKind.Auth, "Reconnect" },
        { "password deleted later", false, 401, """{"error":"AuthenticationRequired","message":"Invalid identifier or password"}""", ProviderErrorKind.Auth, "Reconnect" },
        { "taken down later", false, 401, """{"error":"AccountTakedown","message":"Account has been taken down"}""", ProviderErrorKind.Auth, "taken down" },
        { "bad input", true, 400, """{"error":"InvalidRequest","message":"Input must have the property \"identifier\""}""", ProviderErrorKind.Rejected, "identifier" },
        { "server error", false, 500, """{"error":"InternalServerError","message":"Internal Server Error"}""", ProviderErrorKind.Transient, null },
        { "gateway page", false, 502, "<html>Bad Gateway</html>", ProviderErrorKind.Transient, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_xrpc_error_is_sorted(string name, bool atConnect, int status, string body, ProviderErrorKind kind, string? message)
    {
        var error = CannedResponses.Classify(new BlueskyErrorInspector(atConnect, new FixedTimeProvider(Now)), "Bluesky", CannedResponses.Of(status, body), Now);

        Assert.NotNull(error);
        Assert.True(kind == error.Kind, $"{name}: expected {kind}, got {error.Kind}");
        if (message is not null) Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_rate_limit_waits_until_the_ratelimit_reset_time()
    {
        var response = CannedResponses.Of(429, """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""",
            ("ratelimit-limit", "30"), ("ratelimit-remaining", "0"), ("ratelimit-reset", Now.AddSeconds(300).ToUnixTimeSeconds().ToString()));

        var error = new BlueskyErrorInspector(atConnect: true, new FixedTimeProvider(Now)).Inspect(response);

        Assert.Equal(ProviderErrorKind.RateLimited, error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(300), error.RetryAfter);
    }

    [Fact]
    public void A_rate_limit_without_reset_falls_back_to_Retry_After()
    {
        var response = CannedResponses.Of(429, """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""", ("Retry-After", "42"));

        var error = new BlueskyErrorInspector(atConnect: false, new FixedTimeProvider(Now)).Inspect(response);

        Assert.Equal(ProviderErrorKind.RateLimited, error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
    }

    [Fact]
    public void A_success_is_not_an_error()
    {
        var response = CannedResponses.Of(200, """{"did":"did:plc:abc","handle":"a.bsky.social"}""");

        Assert.Null(new BlueskyErrorInspector(atConnect: true, new FixedTimeProvider(Now)).Inspect(response));
    }
}
