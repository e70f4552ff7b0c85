using System.Net;
using System.Text.Json;

namespace Sosyabot.Core.Providers.Http;

// The generic rules, from RFC 6749 §5.2 (token endpoint errors), RFC 6750 §3.1, RFC 6585 and RFC 9110 §15.6.
public static class ProviderErrors
{
    public static ProviderException? Classify(string platform, ProviderResponse response, DateTimeOffset now)
    {
        if (response.IsSuccess) return null;
        var status = (int)response.Status;
        var oauthError = response.String("error");
        var detail = MessageOf(response);

        if (oauthError is "invalid_grant")
            return new ProviderException(ProviderErrorKind.Auth, $"{platform} no longer accepts this authorization ({detail}). Reconnect the channel.", statusCode: status);
        if (oauthError is "invalid_client" or "unauthorized_client")
            return new ProviderException(ProviderErrorKind.AppMisconfigured, $"{platform} rejected the app credentials ({detail}). An administrator must check the client id and secret.", statusCode: status);

        return response.Status switch
        {
            HttpStatusCode.TooManyRequests => new ProviderException(ProviderErrorKind.RateLimited,
                $"{platform} is rate-limiting requests. Try again later.",
                RetryAfter.From(response.Headers.RetryAfter, now, TimeSpan.FromMinutes(1)), status),
            HttpStatusCode.Unauthorized => new ProviderException(ProviderErrorKind.Auth,
                $"{platform} did not accept the credentials ({detail}). Reconnect the channel.", statusCode: status),
            >= HttpStatusCode.InternalServerError when response.MayHaveApplied && !ProviderRequests.DeclinedUnapplied(response.Status, response.Headers.RetryAfter is not null)
                => new ProviderException(ProviderErrorKind.Unknown,
                    $"{platform} is having trouble (HTTP {status}) and may or may not have acted on the request.", statusCode: status),
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError => new ProviderException(ProviderErrorKind.Transient,
                $"{platform} is having trouble (HTTP {status}). Try again in a few minutes.", RetryAfter.From(response.Headers.RetryAfter, now, TimeSpan.FromMinutes(1)), status),
            _ => new ProviderException(ProviderErrorKind.Rejected, $"{platform} refused the request: {detail}", statusCode: status),
        };
    }

    // The human part of an error body, whichever of the common shapes the platform uses.
    public static string MessageOf(ProviderResponse response)
    {
        if (response.Json is { ValueKind: JsonValueKind.Object } json)
        {
            foreach (var name in (string[])["error_description", "message", "detail", "description", "title", "error"])
                if (json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                    return Trim(text);
            if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].ValueKind == JsonValueKind.Object && errors[0].TryGetProperty("message", out var first))
                return Trim(first.ToString());
        }
        return response.Body.Length > 0 ? Trim(response.Body) : $"HTTP {(int)response.Status}";
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
