using System.Net;

namespace Sosyabot.Core.Providers.Http;

// Which failures prove a request had no effect. Only those are Transient; the rest are Unknown.
public static class ProviderRequests
{
    private static readonly HttpRequestOptionsKey<bool> Repeatable = new("sosyabot.repeatable");

    // A POST that only reads (Telegram's getChat, a search): its lost answer changed nothing.
    public static HttpRequestMessage MarkRepeatable(this HttpRequestMessage request)
    {
        request.Options.Set(Repeatable, true);
        return request;
    }

    // GET, HEAD and OPTIONS change nothing; PUT and DELETE are idempotent by HTTP's definition, so
    // sending them again is harmless. POST and PATCH create or change: a lost answer means "maybe".
    public static bool MayHaveSideEffects(HttpRequestMessage request) =>
        (request.Method == HttpMethod.Post || request.Method == HttpMethod.Patch)
        && !(request.Options.TryGetValue(Repeatable, out var repeatable) && repeatable);

    // The request never left: no name, no connection, no TLS session. Everything else (a reset or
    // a closed stream mid-request, a bad response) happened after bytes may have reached the server.
    public static bool NeverSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;

    // RFC 9110 §15.6.4: 503 with Retry-After is the server declining to handle the request now.
    public static bool DeclinedUnapplied(HttpStatusCode status, bool hasRetryAfter) =>
        status == HttpStatusCode.ServiceUnavailable && hasRetryAfter;
}
