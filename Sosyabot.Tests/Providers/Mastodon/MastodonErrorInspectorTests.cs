using Sosyabot.Tests.TestSupport;
using System.Net;
using System.Text;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Mastodon;

namespace Sosyabot.Tests.Providers.Mastodon;

// Real Mastodon error bodies (app/controllers/api/base_controller.rb, Doorkeeper, rack_attack.rb)
// through the real ProviderApi with the Mastodon inspector: kind and wait.
public class MastodonErrorInspectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int, string, string?, string?, ProviderErrorKind?, int?> Cases => new()
    {
        { "revoked token", 401, """{"error":"The access token is invalid"}""", null, null, ProviderErrorKind.Auth, null },
        { "token of no user (401)", 401, """{"error":"This method requires an authenticated user"}""", null, null, ProviderErrorKind.Auth, null },
        { "token of no user (422)", 422, """{"error":"This method requires an authenticated user"}""", null, null, ProviderErrorKind.Auth, null },
        { "missing scope", 403, """{"error":"This action is outside the authorized scopes"}""", null, null, ProviderErrorKind.Auth, null },
        { "disabled login", 403, """{"error":"Your login is currently disabled"}""", null, null, ProviderErrorKind.Auth, null },
        { "unconfirmed e-mail", 403, """{"error":"Your login is missing a confirmed e-mail address"}""", null, null, ProviderErrorKind.Auth, null },
        { "pending approval", 403, """{"error":"Your login is currently pending approval"}""", null, null, ProviderErrorKind.Auth, null },
        { "not permitted", 403, """{"error":"This action is not allowed"}""", null, null, ProviderErrorKind.Rejected, null },
        { "validation", 422, """{"error":"Validation failed: Text character limit of 500 exceeded"}""", null, null, ProviderErrorKind.Rejected, null },
        { "duplicate record", 422, """{"error":"Duplicate record"}""", null, null, ProviderErrorKind.Rejected, null },
        { "not found", 404, """{"error":"Record not found"}""", null, null, ProviderErrorKind.Rejected, null },
        { "remote fetch failed", 503, """{"error":"Remote data could not be fetched"}""", null, null, ProviderErrorKind.Transient, null },
        { "dead code", 400, """{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."}""", null, null, ProviderErrorKind.Auth, null },
        { "unknown client", 401, """{"error":"invalid_client","error_description":"Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."}""", null, null, ProviderErrorKind.AppMisconfigured, null },
        { "bad scope", 400, """{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, or malformed."}""", null, null, ProviderErrorKind.Rejected, null },
        { "throttled until reset", 429, """{"error":"Too many requests"}""", "2026-11-24T12:02:00.000000Z", null, ProviderErrorKind.RateLimited, 120 },
        { "reset with offset", 429, """{"error":"Too many requests"}""", "2026-11-24T14:05:00.000000+02:00", null, ProviderErrorKind.RateLimited, 300 },
        { "reset already past", 429, """{"error":"Too many requests"}""", "2026-11-24T11:59:00.000000Z", null, ProviderErrorKind.RateLimited, 5 },
        { "absurd reset", 429, """{"error":"Too many requests"}""", "2026-11-29T12:00:00.000000Z", null, ProviderErrorKind.RateLimited, 86_400 },
        { "unreadable reset, Retry-After", 429, """{"error":"Too many requests"}""", "soon", "30", ProviderErrorKind.RateLimited, 30 },
        { "no reset at all", 429, """{"error":"Too many requests"}""", null, null, ProviderErrorKind.RateLimited, 300 },
        { "success", 200, """{"id":"1"}""", null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Mastodon_errors_are_sorted(string name, int status, string body, string? reset, string? retryAfter, ProviderErrorKind? kind, int? waitSeconds)
    {
        var api = TestApis.Api(new CannedHandler(status, body, reset, retryAfter), "mastodon.example",
            new FixedClock(Now), new MastodonErrorInspector(new FixedClock(Now), "mastodon.example"));

        var error = await Record.ExceptionAsync(() => api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://mastodon.example/api/v1/x"), default));

        if (kind is null)
        {
            Assert.Null(error);
            return;
        }
        var e = Assert.IsType<ProviderException>(error);
        Assert.True(kind == e.Kind, $"{name}: expected {kind}, got {e.Kind} ({e.Message})");
        Assert.Equal(status, e.StatusCode);
        if (waitSeconds is not null) Assert.Equal(TimeSpan.FromSeconds(waitSeconds.Value), e.RetryAfter);
    }

    [Fact]
    public async Task Messages_name_the_server_and_keep_mastodons_reason()
    {
        var api = TestApis.Api(new CannedHandler(422, """{"error":"Validation failed: Text character limit of 500 exceeded"}""", null, null),
            "fosstodon.org", new FixedClock(Now), new MastodonErrorInspector(new FixedClock(Now), "fosstodon.org"));

        var e = await Assert.ThrowsAsync<ProviderException>(() => api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://fosstodon.org/api/v1/statuses"), default));

        Assert.Equal("fosstodon.org refused the request: Validation failed: Text character limit of 500 exceeded", e.Message);
    }

    private sealed class CannedHandler(int status, string body, string? reset, string? retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (reset is not null) response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset);
            if (retryAfter is not null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            return Task.FromResult(response);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
