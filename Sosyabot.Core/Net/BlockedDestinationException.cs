namespace Sosyabot.Core.Net;

// Names only the host: paths and query strings may carry tokens.
public sealed class BlockedDestinationException(string host, string reason, Exception? innerException = null)
    : HttpRequestException($"Refused to connect to {host}: {reason}.", innerException)
{
    public string Host { get; } = host;
    public string Reason { get; } = reason;
}
