using System.Net;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Bluesky;

// XRPC errors: {"error": "<Name>", "message": "…"} with HTTP 400/401/429 (atproto xrpc-server;
// pds auth-verifier.ts, api/com/atproto/server/{createSession,refreshSession}.ts). At connect a refusal
// is the user's input being wrong (Rejected); on a stored session it means the session is dead (Auth).
public sealed class BlueskyErrorInspector(bool atConnect, TimeProvider clock) : IProviderErrorInspector
{
    private const string Name = "Bluesky";

    public ProviderException? Inspect(ProviderResponse response)
    {
        if (response.IsSuccess) return null;
        var status = (int)response.Status;
        var error = response.String("error");
        var message = ProviderErrors.MessageOf(response);

        if (error == "RateLimitExceeded" || response.Status == HttpStatusCode.TooManyRequests)
            return new ProviderException(ProviderErrorKind.RateLimited, atConnect
                    ? $"{Name} is limiting sign-ins for this account ({message}). Wait a few minutes and try again."
                    : $"{Name} is rate-limiting requests ({message}). Try again later.",
                RetryAfterOf(response), status);

        return error switch
        {
            "AuthenticationRequired" when atConnect => Rejected(
                $"{Name} says the handle or app password is wrong. Check the handle (or email) and paste the app password again, or create a new one at Settings → Privacy and security → App passwords.", status),
            "AuthFactorTokenRequired" when atConnect => Rejected(
                $"{Name} asked for an email sign-in code, which happens when the main password is used. Use an app password instead (Settings → Privacy and security → App passwords).", status),
            "AccountTakedown" when atConnect => Rejected($"This {Name} account has been taken down by its provider, so it cannot be connected ({message}).", status),
            "AccountDeactivated" when atConnect => Rejected($"This {Name} account is deactivated. Reactivate it in Bluesky, then connect it again.", status),
            "ExpiredToken" or "InvalidToken" or "AuthMissing" or "AuthenticationRequired" or "AuthFactorTokenRequired" or "AccountTakedown" or "AccountDeactivated" =>
                new ProviderException(ProviderErrorKind.Auth, $"{Name} no longer accepts this session ({message}). Reconnect the channel with an app password.", statusCode: status),
            // Publishing. The record key of a part is fixed, so "already exists" means the post went out
            // (the explicit error of atproto PR #4728; before it a PDS answers 500, also Unknown).
            "RecordNotFound" => Rejected($"{RecordNotFoundPrefix} ({message}).", status),
            _ when error?.EndsWith("AlreadyExists", StringComparison.Ordinal) == true => new ProviderException(ProviderErrorKind.Unknown,
                $"{Name} already has this post's record ({message}); it will be read back.", statusCode: status),
            _ when atConnect && response.Status == HttpStatusCode.Unauthorized => Rejected($"{Name} refused the sign-in: {message}", status),
            _ => null,
        };
    }

    private const string RecordNotFoundPrefix = "Bluesky has no such record";

    public static bool IsRecordNotFound(ProviderException e) =>
        e.Kind == ProviderErrorKind.Rejected && e.Message.StartsWith(RecordNotFoundPrefix, StringComparison.Ordinal);

    private static ProviderException Rejected(string message, int status) =>
        new(ProviderErrorKind.Rejected, message, statusCode: status);

    // atproto rate limits send RateLimit-Reset as epoch seconds (bsky-docs advanced-guides/rate-limits.md).
    private TimeSpan RetryAfterOf(ProviderResponse response) =>
        response.Headers.TryGetValues("ratelimit-reset", out var values) && long.TryParse(values.FirstOrDefault(), out var reset)
            ? RetryAfter.FromEpochSeconds(reset, clock.GetUtcNow())
            : RetryAfter.From(response.Headers.RetryAfter, clock.GetUtcNow(), TimeSpan.FromMinutes(1));
}
