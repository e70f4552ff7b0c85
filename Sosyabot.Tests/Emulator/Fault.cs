namespace Sosyabot.Tests.Emulator;

// A canned failure for the next matching request(s): status and body as the real platform sends them.
// AfterApplying: the platform does the work first and only the answer fails (a post that exists but
// whose 500 or timeout the caller sees). Abort: the connection is dropped instead of answered.
public sealed record Fault(int Status, string Body = "", string? RetryAfter = null, TimeSpan? Delay = null, string ContentType = "application/json")
{
    public bool AfterApplying { get; init; }
    public bool Abort { get; init; }
    // The platform's own headers on the answer (a rate limit's reset time, which each platform names differently).
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static Fault Unavailable => new(500, """{"error":"internal_error","message":"Internal Server Error"}""");
    public static Fault RateLimited(int seconds) => new(429, """{"error":"rate_limited","message":"Too Many Requests"}""", seconds.ToString());
    public static Fault Slow(TimeSpan delay) => new(200, Delay: delay);

    // The platform applied the request, then its answer failed: the cases that must end Unknown.
    public static Fault AppliedThenUnavailable => Unavailable with { AfterApplying = true };
    public static Fault AppliedThenSilent(TimeSpan delay) => new(200, Delay: delay) { AfterApplying = true };
    public static Fault AppliedThenReset => new(200) { AfterApplying = true, Abort = true };
    public static Fault Reset => new(200) { Abort = true };
}
