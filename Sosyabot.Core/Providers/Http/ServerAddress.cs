namespace Sosyabot.Core.Providers.Http;

// The address of a server the user runs or chose (Listmonk, a Bluesky PDS), in one canonical form so
// the same server typed two ways is the same channel: https only, lower-case host, no default port,
// no trailing slash, no user info, query or fragment. A path prefix (https://host/listmonk) is kept.
public static class ServerAddress
{
    public static string Normalize(string? input, string what)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0) throw new InvalidRequestException($"Enter the address of your {what}.");
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new InvalidRequestException($"The {what} address is not a valid web address.");
        if (uri.Scheme != Uri.UriSchemeHttps)
            throw new InvalidRequestException($"The {what} address must start with https://.");
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidRequestException($"Enter only the {what} address, without a user name, ?query or #fragment.");
        return uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + uri.AbsolutePath.TrimEnd('/');
    }
}
