namespace Sosyabot.Core.Publishing;

// Exponential backoff with jitter for requests the platform provably did not apply; never shorter
// than the platform's own Retry-After.
public static class RetryPolicy
{
    public static TimeSpan Delay(int attempts, TimeSpan? retryAfter, PublishingOptions options)
    {
        var exponential = options.RetryBase * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var capped = exponential < options.RetryMax ? exponential : options.RetryMax;
        // Half fixed, half random: spreads many channels retrying after one outage.
        var jittered = capped * (0.5 + Random.Shared.NextDouble() * 0.5);
        return retryAfter is { } floor && floor > jittered ? floor : jittered;
    }
}
