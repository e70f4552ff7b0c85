namespace Sosyabot.Core.Providers;

// How a platform's credentials age. Lifetime null: they do not expire on their own.
public sealed record TokenPolicy(TimeSpan? AccessTokenLifetime, bool Refreshable, bool RotatingRefreshTokens)
{
    public static readonly TokenPolicy NeverExpires = new(null, false, false);
}
