namespace Sosyabot.Core.Providers.Http;

// What the user reads about a failed call. A rate limit says when to try again, because the platform said so.
public static class ProviderErrorMessage
{
    public static string For(ProviderException e, string platformName, DateTimeOffset now) =>
        e is { Kind: ProviderErrorKind.RateLimited, RetryAfter: { } delay }
            ? $"{platformName} is rate-limiting this account; try again in {Describe(delay)} (at {now + delay:HH:mm} UTC)."
            : e.Message;

    private static string Describe(TimeSpan delay) => delay switch
    {
        { TotalSeconds: < 60 } => Plural((int)Math.Ceiling(delay.TotalSeconds), "second"),
        { TotalMinutes: < 90 } => Plural((int)Math.Ceiling(delay.TotalMinutes), "minute"),
        _ => Plural((int)Math.Ceiling(delay.TotalHours), "hour"),
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
