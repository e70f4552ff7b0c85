using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Tests.Core.Providers.Http;

public class ProviderErrorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ProviderResponse Response(int status, string body, Action<HttpResponseHeaders>? headers = null)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)status);
        headers?.Invoke(message.Headers);
        JsonElement? json = body.StartsWith('{') ? JsonDocument.Parse(body).RootElement.Clone() : null;
        return new ProviderResponse((HttpStatusCode)status, message.Headers, body, json);
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_grant","error_description":"Token is expired"}""", ProviderErrorKind.Auth)]
    [InlineData(401, """{"error":"invalid_client"}""", ProviderErrorKind.AppMisconfigured)]
    [InlineData(401, """{"error":"invalid_token"}""", ProviderErrorKind.Auth)]
    [InlineData(403, """{"message":"You are not allowed to create a Tweet with duplicate content."}""", ProviderErrorKind.Rejected)]
    [InlineData(422, """{"error":"Validation failed: Text character limit of 500 exceeded"}""", ProviderErrorKind.Rejected)]
    [InlineData(429, """{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""", ProviderErrorKind.RateLimited)]
    [InlineData(500, "<html>oops</html>", ProviderErrorKind.Transient)]
    [InlineData(502, "", ProviderErrorKind.Transient)]
    [InlineData(408, "", ProviderErrorKind.Transient)]
    public void Responses_are_sorted_into_the_four_kinds_and_misconfiguration(int status, string body, ProviderErrorKind expected)
    {
        var error = ProviderErrors.Classify("Example", Response(status, body), Now);

        Assert.NotNull(error);
        Assert.Equal(expected, error.Kind);
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public void A_success_is_not_an_error() => Assert.Null(ProviderErrors.Classify("Example", Response(200, "{}"), Now));

    [Fact]
    public void The_platforms_own_message_reaches_the_user()
    {
        var error = ProviderErrors.Classify("Mastodon", Response(422, """{"error":"Validation failed: Text character limit of 500 exceeded"}"""), Now)!;

        Assert.Equal("Mastodon refused the request: Validation failed: Text character limit of 500 exceeded", error.Message);
    }

    [Fact]
    public void Retry_after_in_seconds_is_honoured()
    {
        var error = ProviderErrors.Classify("Example", Response(429, "{}", h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120))), Now)!;

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public void Retry_after_as_an_http_date_is_turned_into_a_delay()
    {
        var error = ProviderErrors.Classify("Example", Response(429, "{}", h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(3))), Now)!;

        Assert.Equal(TimeSpan.FromMinutes(3), error.RetryAfter);
    }

    [Fact]
    public void A_retry_after_date_in_the_past_becomes_the_minimum_delay()
    {
        var error = ProviderErrors.Classify("Example", Response(429, "{}", h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(-3))), Now)!;

        Assert.Equal(RetryAfter.Minimum, error.RetryAfter);
    }

    [Fact]
    public void An_absurd_retry_after_is_capped_at_a_day()
    {
        var error = ProviderErrors.Classify("Example", Response(429, "{}", h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromDays(30))), Now)!;

        Assert.Equal(RetryAfter.Maximum, error.RetryAfter);
    }

    [Fact]
    public void A_rate_limit_reset_given_as_epoch_seconds_becomes_a_delay() =>
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.FromEpochSeconds(Now.AddSeconds(90).ToUnixTimeSeconds(), Now));
}
