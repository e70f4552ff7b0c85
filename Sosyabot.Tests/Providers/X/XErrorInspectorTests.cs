using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.X;

namespace Sosyabot.Tests.Providers.X;

// Real X bodies and what the app must make of them.
public class XErrorInspectorTests
{
    private static readonly long ResetIn90Seconds = ProviderResponses.Now.AddSeconds(90).ToUnixTimeSeconds();

    public static TheoryData<string, int, string, string[], ProviderErrorKind?, double?> Cases => new()
    {
        // name, status, body, headers ("name: value"), expected kind (null = success), expected retry-after seconds
        { "token: spent or revoked refresh token", 400, """{"error":"invalid_request","error_description":"Value passed for the token was invalid."}""", [], ProviderErrorKind.Auth, null },
        { "token: bad, reused or expired code", 400, """{"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}""", [], ProviderErrorKind.Rejected, null },
        { "token: invalid_grant", 400, """{"error":"invalid_grant","error_description":"Value passed for the authorization code was invalid."}""", [], ProviderErrorKind.Auth, null },
        { "token: wrong client secret", 401, """{"error":"unauthorized_client","error_description":"Missing valid authorization header"}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "token: unknown client", 401, """{"error":"invalid_client","error_description":"Client authentication failed"}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "token: missing client_id", 400, """{"error":"invalid_request","error_description":"Missing required parameter [client_id]."}""", [], ProviderErrorKind.Rejected, null },
        { "v2: invalid access token", 401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", [], ProviderErrorKind.Auth, null },
        { "v2: rate limited with reset", 429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""", ["x-rate-limit-limit: 75", "x-rate-limit-remaining: 0", $"x-rate-limit-reset: {ResetIn90Seconds}"], ProviderErrorKind.RateLimited, 90 },
        { "v2: rate limited, reset in the past", 429, """{"title":"Too Many Requests","status":429}""", ["x-rate-limit-reset: 1"], ProviderErrorKind.RateLimited, 5 },
        { "v2: rate limited without headers", 429, """{"title":"Too Many Requests","status":429}""", [], ProviderErrorKind.RateLimited, 60 },
        { "v2: monthly usage cap", 429, """{"account_id":1,"product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}""", [$"x-rate-limit-reset: {ResetIn90Seconds}"], ProviderErrorKind.RateLimited, 90 },
        { "v2: no credits left", 402, """{"title":"CreditsDepleted","detail":"Your enrolled account does not have any credits to fulfill this request.","type":"https://api.twitter.com/2/problems/credits"}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "v2: app not in a project", 403, """{"client_id":"1","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "v2: unsupported authentication", 403, """{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "v2: duplicate post", 403, """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""", [], ProviderErrorKind.Rejected, null },
        { "v2: text too long", 400, """{"errors":[{"message":"Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}""", [], ProviderErrorKind.Rejected, null },
        { "v2: 503", 503, """{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}""", [], ProviderErrorKind.Transient, 60 },
        { "web: session signed out", 401, """{"errors":[{"code":32,"message":"Could not authenticate you."}]}""", [], ProviderErrorKind.Auth, null },
        { "web: ct0 not matching", 403, """{"errors":[{"code":353,"message":"This request requires a matching csrf cookie and header."}]}""", [], ProviderErrorKind.Auth, null },
        { "web: bearer rotated", 401, """{"errors":[{"code":89,"message":"Invalid or expired token."}]}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "web: bearer missing", 400, """{"errors":[{"code":215,"message":"Bad Authentication data."}]}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "web: suspended", 403, """{"errors":[{"code":64,"message":"Your account is suspended and is not permitted to access this feature."}]}""", [], ProviderErrorKind.Rejected, null },
        { "web: rate limited", 429, """{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""", [$"x-rate-limit-reset: {ResetIn90Seconds}"], ProviderErrorKind.RateLimited, 90 },
        { "success", 200, """{"data":{"id":"1","name":"a","username":"a"}}""", [], null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Responses_are_classified(string name, int status, string body, string[] headers, ProviderErrorKind? kind, double? retryAfterSeconds)
    {
        var response = ProviderResponses.Create(status, body, headers.Select(h => (h[..h.IndexOf(':')], h[(h.IndexOf(':') + 1)..].Trim())).ToArray());

        var error = ProviderResponses.Classify(new XErrorInspector(ProviderResponses.Clock), "X", response);

        Assert.True(kind == error?.Kind, $"{name}: expected {kind?.ToString() ?? "success"}, got {error?.Kind.ToString() ?? "success"}");
        if (retryAfterSeconds is { } seconds) Assert.Equal(TimeSpan.FromSeconds(seconds), error!.RetryAfter);
    }

    [Theory]
    [InlineData("""{"errors":[{"parameters":{"media.media_ids":["1"]},"message":"Your media IDs are invalid."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}""",
        "X refused the request: Your media IDs are invalid.")]
    [InlineData("""{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""",
        "X refused the post because this account already posted the same text. Change the text to post it again. (X: You are not allowed to create a Tweet with duplicate content.)")]
    public void A_refused_post_says_x_s_reason_rather_than_its_generic_detail(string body, string expected)
    {
        var error = new XErrorInspector(TimeProvider.System).Inspect(ProviderResponses.Create(body.Contains("duplicate") ? 403 : 400, body));

        Assert.Equal(expected, error!.Message);
    }

    [Fact]
    public void X_words_reach_the_message()
    {
        var error = new XErrorInspector(TimeProvider.System).Inspect(ProviderResponses.Create(403,
            """{"errors":[{"code":353,"message":"This request requires a matching csrf cookie and header."}]}"""));

        Assert.Contains("This request requires a matching csrf cookie and header.", error!.Message);
    }
}
