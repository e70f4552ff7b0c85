using System.Globalization;
using System.Net;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Mastodon;

// Mastodon's own error shapes; OAuth errors ({"error":"invalid_grant",...}) go to the generic rules.
// API errors are {"error":"<sentence>"}: https://docs.joinmastodon.org/entities/Error/
public sealed class MastodonErrorInspector(TimeProvider clock, string server = "Mastodon") : IProviderErrorInspector
{
    // Mastodon's windows are 5 minutes (300 requests per token); without a reset time wait one.
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    // Account states and scope gaps no retry can fix: the user must act on the server, then reconnect.
    // From app/controllers/api/base_controller.rb.
    private static readonly string[] AccountUnusable =
    [
        "This action is outside the authorized scopes",
        "This method requires an authenticated user",
        "Your login is currently disabled",
        "Your login is missing a confirmed e-mail address",
        "Your login is currently pending approval",
    ];

    private static readonly string[] OAuthErrors =
        ["invalid_grant", "invalid_client", "unauthorized_client", "invalid_request", "invalid_scope", "unsupported_grant_type", "access_denied"];

    public ProviderException? Inspect(ProviderResponse response)
    {
        if (response.IsSuccess) return null;
        var status = (int)response.Status;
        var error = response.String("error");
        if (error is not null && OAuthErrors.Contains(error)) return null;

        if (response.Status == HttpStatusCode.TooManyRequests)
            return new ProviderException(ProviderErrorKind.RateLimited, $"{server} is rate-limiting requests. Try again later.", WaitOf(response), status);
        if (response.Status == HttpStatusCode.Unauthorized)
            return new ProviderException(ProviderErrorKind.Auth,
                $"{server} no longer accepts this connection ({error ?? "HTTP 401"}); it was probably revoked. Reconnect the channel.", statusCode: status);
        if (error is not null && AccountUnusable.Contains(error))
            return new ProviderException(ProviderErrorKind.Auth, $"{server} refused the account: {error}. Fix it on the server, then reconnect.", statusCode: status);
        return null;
    }

    // X-RateLimit-Reset is an ISO 8601 time (config/initializers/rack_attack.rb), not seconds.
    private TimeSpan WaitOf(ProviderResponse response)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
            return RetryAfter.Clamp(reset - clock.GetUtcNow());
        return RetryAfter.From(response.Headers.RetryAfter, clock.GetUtcNow(), DefaultWait);
    }
}
