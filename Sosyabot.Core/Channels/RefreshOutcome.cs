using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Channels;

public sealed record RefreshOutcome(bool Succeeded, DateTimeOffset? ExpiresAt, ProviderErrorKind? ErrorKind, string? Message)
{
    public static RefreshOutcome Ok(DateTimeOffset? expiresAt) => new(true, expiresAt, null, null);
    public static RefreshOutcome Failed(ProviderErrorKind kind, string message) => new(false, null, kind, message);
}
