using System.Globalization;

namespace Sosyabot.Core.Net;

public sealed class ResponseTooLargeException(string host, long maxBytes)
    : HttpRequestException(string.Create(CultureInfo.InvariantCulture,
        $"The response from {host} is larger than the {maxBytes:N0}-byte limit ({SafeHttpOptions.Section}:{nameof(SafeHttpOptions.MaxResponseBytes)})."))
{
    public string Host { get; } = host;
}
