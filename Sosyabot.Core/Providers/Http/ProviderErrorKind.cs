namespace Sosyabot.Core.Providers.Http;

public enum ProviderErrorKind
{
    // The token is revoked, expired beyond refresh or invalid: the user must reconnect.
    Auth,
    // Slow down until RetryAfter; nothing is wrong with the channel. The platform did not act on the request.
    RateLimited,
    // The request provably did not take effect (never sent, or refused before it was applied): safe to
    // try again later; never a reason to disconnect.
    Transient,
    // The request may have reached the platform and been applied, but no answer says so (timeout or
    // reset after sending, a 5xx on a POST). Never retried blindly: that is how a post goes out twice.
    Unknown,
    // The platform refused what we sent (content, input), with its reason.
    Rejected,
    // Our app credentials (client id/secret) are wrong: the operator must fix settings.
    AppMisconfigured,
}
