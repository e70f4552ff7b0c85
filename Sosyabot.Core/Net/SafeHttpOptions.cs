namespace Sosyabot.Core.Net;

public sealed class SafeHttpOptions
{
    public const string Section = "SafeHttp";

    // Host names and/or CIDRs (listmonk.lan, 10.0.0.5/32) on a private network that users may target.
    public List<string> AllowedPrivateHosts { get; set; } = [];
    public bool AllowHttpForAllowedHosts { get; set; }
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    // HttpClient.Timeout: it bounds the body only for buffered reads; callers that stream with
    // HttpCompletionOption.ResponseHeadersRead must bound the body read with their own token.
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;
}
