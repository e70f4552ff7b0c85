using System.Net.Http.Headers;

namespace Sosyabot.Core.Providers.Http;

public static class RetryAfter
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    // Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3). A date in the past means
    // "now", which we turn into the minimum; an absurd value is capped.
    public static TimeSpan From(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan fallback)
    {
        var delay = header?.Delta ?? (header?.Date is { } date ? date - now : fallback);
        return Clamp(delay);
    }

    public static TimeSpan FromEpochSeconds(long resetAt, DateTimeOffset now) =>
        Clamp(DateTimeOffset.FromUnixTimeSeconds(resetAt) - now);

    public static TimeSpan Clamp(TimeSpan delay) =>
        delay < Minimum ? Minimum : delay > Maximum ? Maximum : delay;
}
