using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Reddit;

// Reddit's own error shapes, read before the generic rules. The token endpoint and the API disagree
// on what the same status means, so each has its own instance.
// Token endpoint (reddit-archive/reddit r2/controllers/oauth2.py; praw-dev/prawcore cassettes):
// - a bad, reused or mismatched code: HTTP 200 {"error": "invalid_grant"};
// - a revoked or unknown refresh token: HTTP 400 {"error": 400} (older builds: {"error": "invalid_request"});
// - wrong client id or secret: HTTP 401 with WWW-Authenticate: Basic realm="reddit".
// API (oauth.reddit.com):
// - with api_type=json, refusals arrive as HTTP 200 {"json": {"errors": [[CODE, message, field], ...]}};
// - a grant without the needed scope: 403 with WWW-Authenticate: Bearer ... error="insufficient_scope";
// - 429 with x-ratelimit-reset (seconds until the window resets) and sometimes Retry-After.
public sealed partial class RedditErrorInspector : IProviderErrorInspector
{
    private const string Name = "Reddit";
    private static readonly TimeSpan RateLimitFallback = TimeSpan.FromMinutes(1);

    public static readonly RedditErrorInspector TokenEndpoint = new(tokenEndpoint: true);
    public static readonly RedditErrorInspector Api = new(tokenEndpoint: false);

    private readonly bool _tokenEndpoint;

    private RedditErrorInspector(bool tokenEndpoint) => _tokenEndpoint = tokenEndpoint;

    public ProviderException? Inspect(ProviderResponse response)
    {
        if (FirstJsonError(response) is { } error) return FromJsonError(error, (int)response.Status);
        return _tokenEndpoint ? InspectToken(response) : InspectApi(response);
    }

    private static ProviderException? InspectToken(ProviderResponse response)
    {
        var status = (int)response.Status;
        var error = response.String("error");
        if (error is "invalid_grant")
            return new ProviderException(ProviderErrorKind.Auth, $"{Name} no longer accepts this authorization ({error}). Reconnect the channel.", statusCode: status);
        if (error is "invalid_client" or "unauthorized_client" || response.Status == HttpStatusCode.Unauthorized)
            return new ProviderException(ProviderErrorKind.AppMisconfigured,
                $"{Name} rejected the app credentials ({error ?? $"HTTP {status}"}). An administrator must check Providers:Reddit:ClientId and Providers:Reddit:ClientSecret.", statusCode: status);
        if (response.Status == HttpStatusCode.BadRequest)
            return new ProviderException(ProviderErrorKind.Auth, $"{Name} no longer accepts the stored refresh token. Reconnect the channel.", statusCode: status);
        if (response.IsSuccess && error is not null)
            return new ProviderException(ProviderErrorKind.Rejected, $"{Name} refused the token request ({error}).", statusCode: status);
        return null;
    }

    private static ProviderException? InspectApi(ProviderResponse response)
    {
        var status = (int)response.Status;
        if (response.Status == HttpStatusCode.Forbidden
            && response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("insufficient_scope", StringComparison.Ordinal) == true))
            return new ProviderException(ProviderErrorKind.Auth, $"{Name} says this connection lacks a permission Sosyabot needs. Reconnect the channel and allow every permission.", statusCode: status);
        if (response.Status == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is null && ResetSeconds(response) is { } reset)
            return new ProviderException(ProviderErrorKind.RateLimited, $"{Name} is rate-limiting requests. Try again later.", RetryAfter.Clamp(reset), status);
        return null;
    }

    private static ProviderException FromJsonError(JsonElement error, int status)
    {
        var code = Item(error, 0) ?? "UNKNOWN";
        var message = Item(error, 1) is { Length: > 0 } text ? text : code;
        var field = Item(error, 2);
        return code switch
        {
            "RATELIMIT" => new ProviderException(ProviderErrorKind.RateLimited, $"{Name} is rate-limiting this account: {message}",
                RetryAfter.Clamp(WaitIn(message) ?? RateLimitFallback), status),
            // Reddit's answer when the bearer token no longer maps to a signed-in user.
            "USER_REQUIRED" => new ProviderException(ProviderErrorKind.Auth, $"{Name} no longer recognises this account ({message}). Reconnect the channel.", statusCode: status),
            // Submit refusals (r2/r2/lib/errors.py), told as what to change, with Reddit's own words.
            "SUBREDDIT_NOEXIST" or "SUBREDDIT_NOTALLOWED" or "SUBREDDIT_REQUIRED" => Refused($"check the subreddit: {message}", code, status),
            "NO_SELFS" => Refused($"this subreddit takes no text posts ({message}); post a link or an image instead", code, status),
            "NO_LINKS" => Refused($"this subreddit takes text posts only ({message})", code, status),
            "TOO_LONG" or "NO_TEXT" => Refused($"{message} (in the {(field is "title" ? "title" : "text")})", code, status),
            _ => new ProviderException(ProviderErrorKind.Rejected,
                $"{Name} refused the request: {message} ({code}{(string.IsNullOrEmpty(field) ? "" : $" on {field}")})", statusCode: status),
        };
    }

    private static ProviderException Refused(string what, string code, int status) =>
        new(ProviderErrorKind.Rejected, $"{Name} refused the post: {what}. ({code})", statusCode: status);

    private static JsonElement? FirstJsonError(ProviderResponse response)
    {
        if (response.Json is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("json", out var json) || json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array
            || errors.GetArrayLength() == 0)
            return null;
        return errors[0];
    }

    private static string? Item(JsonElement error, int index) =>
        error.ValueKind == JsonValueKind.Array && error.GetArrayLength() > index && error[index].ValueKind == JsonValueKind.String
            ? error[index].GetString()
            : null;

    // "you are doing that too much. try again in 5 minutes." / "... try again in 34 seconds."
    internal static TimeSpan? WaitIn(string message)
    {
        var match = WaitPattern().Match(message);
        if (!match.Success) return null;
        var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "millisecond" => TimeSpan.FromMilliseconds(amount),
            "second" => TimeSpan.FromSeconds(amount),
            "minute" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    private static TimeSpan? ResetSeconds(ProviderResponse response) =>
        response.Headers.TryGetValues("x-ratelimit-reset", out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<unit>millisecond|second|minute|hour)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WaitPattern();
}
