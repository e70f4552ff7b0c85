using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Reddit;

namespace Sosyabot.Tests.Providers.Reddit;

// Real Reddit bodies (reddit-archive/reddit oauth2.py and api.py, praw-dev/prawcore cassettes) and
// what the app must make of them.
public class RedditErrorInspectorTests
{
    public static TheoryData<string, int, string, string[], ProviderErrorKind?, double?> Cases => new()
    {
        // name, status, body, headers ("name: value"), expected kind (null = success), expected retry-after seconds
        { "api: RATELIMIT in a 200, minutes", 200, """{"json": {"errors": [["RATELIMIT", "you are doing that too much. try again in 5 minutes.", "ratelimit"]]}}""", [], ProviderErrorKind.RateLimited, 300 },
        { "api: RATELIMIT in a 200, seconds", 200, """{"json": {"errors": [["RATELIMIT", "you are doing that too much. try again in 34 seconds.", "ratelimit"]]}}""", [], ProviderErrorKind.RateLimited, 34 },
        { "api: RATELIMIT, newer wording", 200, """{"json": {"errors": [["RATELIMIT", "Looks like you've been doing that a lot. Take a break for 9 minutes before trying again.", "ratelimit"]]}}""", [], ProviderErrorKind.RateLimited, 540 },
        { "api: RATELIMIT without a time", 200, """{"json": {"errors": [["RATELIMIT", "you are doing that too much.", "vdelay"]]}}""", [], ProviderErrorKind.RateLimited, 60 },
        { "api: subreddit does not exist", 200, """{"json": {"errors": [["SUBREDDIT_NOEXIST", "that subreddit doesn't exist", "sr"]]}}""", [], ProviderErrorKind.Rejected, null },
        { "api: no text posts", 200, """{"json": {"errors": [["NO_SELFS", "this subreddit doesn't allow text posts", "sr"]]}}""", [], ProviderErrorKind.Rejected, null },
        { "api: signed out", 200, """{"json": {"errors": [["USER_REQUIRED", "Please log in to do that.", null]]}}""", [], ProviderErrorKind.Auth, null },
        { "api: empty errors is success", 200, """{"json": {"errors": [], "data": {"id": "abc", "name": "t3_abc"}}}""", [], null, null },
        { "api: invalid token", 401, """{"message": "Unauthorized", "error": 401}""", ["www-authenticate: Bearer realm=\"reddit\", error=\"invalid_token\""], ProviderErrorKind.Auth, null },
        { "api: insufficient scope", 403, """{"error": 403}""", ["www-authenticate: Bearer realm=\"reddit\", error=\"insufficient_scope\""], ProviderErrorKind.Auth, null },
        { "api: private subreddit", 403, """{"reason": "private", "message": "Forbidden", "error": 403}""", [], ProviderErrorKind.Rejected, null },
        { "api: 429 with retry-after", 429, "", ["retry-after: 4"], ProviderErrorKind.RateLimited, 5 },
        { "api: 429 with x-ratelimit-reset only", 429, """{"message": "Too Many Requests", "error": 429}""", ["x-ratelimit-remaining: 0", "x-ratelimit-reset: 244"], ProviderErrorKind.RateLimited, 244 },
        { "api: 503", 503, "<html>all of our servers are busy right now</html>", [], ProviderErrorKind.Transient, 60 },
    };

    public static TheoryData<string, int, string, string[], ProviderErrorKind?, double?> TokenCases => new()
    {
        { "token: reused or unknown code, HTTP 200", 200, """{"error": "invalid_grant"}""", [], ProviderErrorKind.Auth, null },
        { "token: revoked refresh token", 400, """{"error": 400}""", [], ProviderErrorKind.Auth, null },
        { "token: revoked refresh token, older build", 400, """{"error": "invalid_request"}""", [], ProviderErrorKind.Auth, null },
        { "token: wrong client secret", 401, """{"message": "Unauthorized", "error": 401}""", ["www-authenticate: Basic realm=\"reddit\""], ProviderErrorKind.AppMisconfigured, null },
        { "token: script-only grant", 200, """{"error": "unauthorized_client", "error_description": "Only script apps may use password auth"}""", [], ProviderErrorKind.AppMisconfigured, null },
        { "token: unsupported grant, HTTP 200", 200, """{"error": "unsupported_grant_type"}""", [], ProviderErrorKind.Rejected, null },
        { "token: success", 200, """{"access_token": "a", "token_type": "bearer", "expires_in": 3600, "scope": "identity submit read"}""", [], null, null },
        { "token: 500", 500, "", [], ProviderErrorKind.Transient, 60 },
        { "token: 429", 429, "", ["retry-after: 30"], ProviderErrorKind.RateLimited, 30 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Api_responses_are_classified(string name, int status, string body, string[] headers, ProviderErrorKind? kind, double? retryAfterSeconds) =>
        Check(RedditErrorInspector.Api, name, status, body, headers, kind, retryAfterSeconds);

    [Theory]
    [MemberData(nameof(TokenCases))]
    public void Token_endpoint_responses_are_classified(string name, int status, string body, string[] headers, ProviderErrorKind? kind, double? retryAfterSeconds) =>
        Check(RedditErrorInspector.TokenEndpoint, name, status, body, headers, kind, retryAfterSeconds);

    [Fact]
    public void The_reason_reddit_gives_is_kept_in_the_message()
    {
        var error = RedditErrorInspector.Api.Inspect(ProviderResponses.Create(200,
            """{"json": {"errors": [["BAD_URL", "you should check that url", "url"]]}}"""));

        Assert.Equal("Reddit refused the request: you should check that url (BAD_URL on url)", error!.Message);
    }

    [Fact]
    public void A_known_submit_refusal_says_where_the_problem_is()
    {
        var error = RedditErrorInspector.Api.Inspect(ProviderResponses.Create(200,
            """{"json": {"errors": [["TOO_LONG", "this is too long (max: 300)", "title"]]}}"""));

        Assert.Equal((ProviderErrorKind.Rejected, "Reddit refused the post: this is too long (max: 300) (in the title). (TOO_LONG)"), (error!.Kind, error.Message));
    }

    private static void Check(RedditErrorInspector inspector, string name, int status, string body, string[] headers, ProviderErrorKind? kind, double? retryAfterSeconds)
    {
        var response = ProviderResponses.Create(status, body, headers.Select(h => (h[..h.IndexOf(':')], h[(h.IndexOf(':') + 1)..].Trim())).ToArray());

        var error = ProviderResponses.Classify(inspector, "Reddit", response);

        Assert.True(kind == error?.Kind, $"{name}: expected {kind?.ToString() ?? "success"}, got {error?.Kind.ToString() ?? "success"}");
        if (retryAfterSeconds is { } seconds) Assert.Equal(TimeSpan.FromSeconds(seconds), error!.RetryAfter);
    }
}
