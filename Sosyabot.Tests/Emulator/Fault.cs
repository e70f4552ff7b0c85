namespace Sosyabot.Tests.Emulator;

// A canned failure for the next matching request(s): status and body as the real platform sends them.
public sealed record Fault(int Status, string Body = "", string? RetryAfter = null, TimeSpan? Delay = null, string ContentType = "application/json")
{
    public static Fault Unavailable => new(500, """{"error":"internal_error","message":"Internal Server Error"}""");
    public static Fault RateLimited(int seconds) => new(429, """{"error":"rate_limited","message":"Too Many Requests"}""", seconds.ToString());
    public static Fault Slow(TimeSpan delay) => new(200, Delay: delay);
}
