namespace Sosyabot.Core.Providers;

// Never logged or serialised: it holds secrets. ToString is overridden so an accidental
// interpolation cannot print them.
public sealed record TokenSet(string AccessToken, string? RefreshToken = null, DateTimeOffset? ExpiresAt = null, DateTimeOffset? RefreshTokenExpiresAt = null)
{
    public override string ToString() => $"TokenSet(expires {ExpiresAt:O})";
}
