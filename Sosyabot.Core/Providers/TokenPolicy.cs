namespace Sosyabot.Core.Providers;

// How a platform's credentials age. Lifetime null: they do not expire on their own. Whether they can
// be refreshed is not a flag here: a provider that can implements ITokenRefresher.
public sealed record TokenPolicy(TimeSpan? AccessTokenLifetime, bool RotatingRefreshTokens)
{
    public static readonly TokenPolicy NeverExpires = new(null, false);
}
