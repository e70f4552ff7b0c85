namespace Sosyabot.Core.Net;

// Entry-time check for forms, for a clear message; the connect-time check in SafeConnector is the guard.
public static class SafeUrl
{
    public static Uri Parse(string? input, SafeHttpPolicy policy)
    {
        var text = input?.Trim() ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            || !policy.AllowsScheme(uri))
            throw new InvalidRequestException("Enter the address as https://…, for example https://mastodon.social.");
        if (policy.IsPrivateAddress(uri))
            throw new InvalidRequestException(
                $"{uri.Host} points to a private network address; an administrator can allow it under " +
                $"{SafeHttpOptions.Section}:{nameof(SafeHttpOptions.AllowedPrivateHosts)}.");
        return uri;
    }
}
