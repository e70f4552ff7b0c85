using System.Globalization;
using System.Net;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.X;

// X's error shapes, read before the generic rules:
// - v2 API: problem+json {title, detail, type, status}; 429 carries x-rate-limit-reset in epoch seconds
//   (https://docs.x.com/x-api/fundamentals/rate-limits); a spent monthly cap is 429 .../problems/usage-capped,
//   an empty pay-per-use balance 402.
// - Token endpoint: a spent, rotated-away or revoked refresh token is
//   400 {"error":"invalid_request","error_description":"Value passed for the token was invalid."}.
//   X says invalid_request where RFC 6749 §5.2 says invalid_grant; either way the grant is dead.
// - v2 invalid input: 400 .../problems/invalid-request whose detail is generic ("One or more parameters
//   to your request was invalid."); the reason is in errors[].message ("Your Tweet text is too long. …").
// - A repeated post: 403 "You are not allowed to create a Tweet with duplicate content." After an
//   Unknown it means the first attempt went out: the resolver finds it.
// - v1.1 as used by the web app (cookie connect): {"errors":[{"code":32,"message":"Could not authenticate you."}]}.
public sealed class XErrorInspector(TimeProvider clock) : IProviderErrorInspector
{
    private const string Name = "X";

    public ProviderException? Inspect(ProviderResponse response)
    {
        if (response.IsSuccess) return null;
        var status = (int)response.Status;
        var detail = ProviderErrors.MessageOf(response);
        var type = response.String("type") ?? "";

        if (response.String("error") is "invalid_request"
            && response.String("error_description")?.Contains("token was invalid", StringComparison.OrdinalIgnoreCase) == true)
            return new ProviderException(ProviderErrorKind.Auth, $"{Name} no longer accepts this authorization ({detail}). Reconnect the channel.", statusCode: status);

        if (response.Status == HttpStatusCode.TooManyRequests)
        {
            var now = clock.GetUtcNow();
            var wait = ResetAt(response) is { } reset
                ? RetryAfter.FromEpochSeconds(reset, now)
                : RetryAfter.From(response.Headers.RetryAfter, now, TimeSpan.FromMinutes(1));
            var message = type.EndsWith("/problems/usage-capped", StringComparison.Ordinal)
                ? $"The X developer app has used up its usage cap ({detail}). Posting resumes when the cap resets."
                : $"{Name} is rate-limiting requests. Try again later.";
            return new ProviderException(ProviderErrorKind.RateLimited, message, wait, status);
        }

        if (response.Status == HttpStatusCode.PaymentRequired)
            return AppMisconfigured($"The X developer account has no API credits left ({detail}). An administrator must top them up in the X developer portal.", status);
        if ((type.EndsWith("/problems/client-forbidden", StringComparison.Ordinal) && response.String("reason") == "client-not-enrolled")
            || type.EndsWith("/problems/unsupported-authentication", StringComparison.Ordinal))
            return AppMisconfigured($"X refused the app ({detail}). An administrator must check the app's project and access level in the X developer portal.", status);

        if (type.EndsWith("/problems/invalid-request", StringComparison.Ordinal) && FirstError(response)?.Message is { Length: > 0 } reason)
            return new ProviderException(ProviderErrorKind.Rejected, $"{Name} refused the request: {reason}", statusCode: status);
        if (response.Status == HttpStatusCode.Forbidden && detail.Contains("duplicate content", StringComparison.OrdinalIgnoreCase))
            return new ProviderException(ProviderErrorKind.Rejected,
                $"{Name} refused the post because this account already posted the same text. Change the text to post it again. (X: {detail})", statusCode: status);

        return FirstError(response)?.Code switch
        {
            32 => new ProviderException(ProviderErrorKind.Auth, $"{Name} did not accept the signed-in session ({detail}). Sign in to x.com again and reconnect.", statusCode: status),
            353 => new ProviderException(ProviderErrorKind.Auth, $"{Name} refused the ct0 cookie for this session ({detail}). Copy auth_token and ct0 again from the same browser.", statusCode: status),
            89 or 215 => AppMisconfigured($"{Name} refused the web app's bearer token ({detail}). An administrator must update Providers:X:WebBearerToken.", status),
            64 or 326 => new ProviderException(ProviderErrorKind.Rejected, $"{Name} has restricted this account: {detail}", statusCode: status),
            _ => null,
        };
    }

    private static ProviderException AppMisconfigured(string message, int status) =>
        new(ProviderErrorKind.AppMisconfigured, message, statusCode: status);

    private static long? ResetAt(ProviderResponse response) =>
        response.Headers.TryGetValues("x-rate-limit-reset", out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? epoch
            : null;

    // errors[0] of a v1.1 body ({code, message}) or of a v2 problem ({message, parameters}).
    private static (int? Code, string? Message)? FirstError(ProviderResponse response)
    {
        if (response.Json is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0
            || errors[0] is not { ValueKind: JsonValueKind.Object } first)
            return null;
        int? code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var value) ? value : null;
        var message = first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return (code, message);
    }
}
