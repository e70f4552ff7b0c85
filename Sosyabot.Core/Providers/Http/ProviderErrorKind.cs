namespace Sosyabot.Core.Providers.Http;

public enum ProviderErrorKind
{
    // The token is revoked, expired beyond refresh or invalid: the user must reconnect.
    Auth,
    // Slow down until RetryAfter; nothing is wrong with the channel.
    RateLimited,
    // Network trouble or a 5xx: try again later; never a reason to disconnect.
    Transient,
    // The platform refused what we sent (content, input), with its reason.
    Rejected,
    // Our app credentials (client id/secret) are wrong: the operator must fix settings.
    AppMisconfigured,
}
