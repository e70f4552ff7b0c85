namespace Sosyabot.Core.Providers.Mastodon;

// The server a user types ("mastodon.social", "https://Mastodon.Social/") reduced to one canonical
// origin, "https://mastodon.social", used as issuer, registration key and channel setting. Anything
// else (a path, a login, plain http) is refused before a single request is sent.
public static class MastodonInstance
{
    public static string Normalize(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
            throw new InvalidRequestException("Enter the address of your Mastodon server, like mastodon.social.");
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic || uri.Host.Length == 0)
            throw new InvalidRequestException($"\"{input!.Trim()}\" is not a server address. Enter it like mastodon.social.");
        if (uri.Scheme != Uri.UriSchemeHttps)
            throw new InvalidRequestException("The Mastodon server must be reached over https. Enter it like mastodon.social or https://mastodon.social.");
        if (uri.UserInfo.Length > 0)
            throw new InvalidRequestException("Enter only the server's address, without a user name or password, like mastodon.social.");
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidRequestException("Enter only the server's address, without a path, like mastodon.social.");

        // IdnHost drops an IPv6 literal's brackets; the guard still decides whether the address may be used.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
        return uri.IsDefaultPort ? $"https://{host}" : $"https://{host}:{uri.Port}";
    }

    // "mastodon.social" (with ":port" when not 443): the part of pid and handle naming the server.
    public static string Authority(string instance) => new Uri(instance).Authority;
}
