namespace Sosyabot.Core.Net;

// The address of a server the user chose (a Mastodon instance, a Bluesky PDS, a Listmonk), in one
// canonical form so one server typed two ways is one channel: lower-case host (IDN as punycode), no
// default port, no trailing slash, no user info, query or fragment. Scheme and private addresses follow
// the SSRF policy (https, or http for allow-listed hosts when an admin allows it). Checked here for a
// clear message in the form; the connect-time guard in SafeConnector is what enforces it.
public static class ServerAddress
{
    public const int MaxLength = 2048;

    public static string Normalize(string? input, string what, SafeHttpPolicy policy, bool allowPath = true)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
            throw new InvalidRequestException($"Enter the address of your {what}.");
        if (text.Length > MaxLength)
            throw new InvalidRequestException($"The address of a {what} has at most {MaxLength} characters.");
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
            throw new InvalidRequestException($"\"{input!.Trim()}\" is not a server address.");
        if (!policy.AllowsScheme(uri))
            throw new InvalidRequestException($"The {what} must be reached over https: enter its address as https://….");
        if (uri.UserInfo.Length > 0)
            throw new InvalidRequestException($"Enter only the {what}'s address, without a user name or password.");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || (!allowPath && uri.AbsolutePath != "/"))
            throw new InvalidRequestException(allowPath
                ? $"Enter only the {what}'s address, without a ?query or #fragment."
                : $"Enter only the {what}'s address, without a path, ?query or #fragment.");
        if (policy.IsPrivateAddress(uri))
            throw new InvalidRequestException(
                $"{SafeHttpPolicy.HostOf(uri)} points to a private network address; an administrator can allow it under " +
                $"{SafeHttpOptions.Section}:{nameof(SafeHttpOptions.AllowedPrivateHosts)}.");

        // IdnHost drops an IPv6 literal's brackets.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
        var origin = uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        return origin + uri.AbsolutePath.TrimEnd('/');
    }
}
