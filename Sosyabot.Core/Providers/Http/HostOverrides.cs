using Microsoft.Extensions.Configuration;

namespace Sosyabot.Core.Providers.Http;

// Maps a real origin (https://oauth.reddit.com) to a replacement base URL, from configuration
// `Providers:HostOverrides:<origin> = <base>`. Provider code keeps the real URLs; tests and local
// trials point them at an emulator through this map alone, for server calls and browser redirects.
public sealed class HostOverrides
{
    public const string Section = "Providers:HostOverrides";
    private readonly Dictionary<string, Uri> _map;

    public HostOverrides(IConfiguration configuration)
    {
        // The origin itself contains ':' (the configuration separator), so the keys arrive split into
        // nested sections; the relative leaf paths put them back together.
        _map = configuration.GetSection(Section).AsEnumerable(makePathsRelative: true)
            .Where(e => !string.IsNullOrWhiteSpace(e.Value))
            .ToDictionary(e => Origin(new Uri(e.Key)), e => new Uri(e.Value!.TrimEnd('/') + "/"), StringComparer.OrdinalIgnoreCase);
    }

    public bool IsEmpty => _map.Count == 0;

    public Uri Rewrite(Uri uri)
    {
        if (!uri.IsAbsoluteUri || !_map.TryGetValue(Origin(uri), out var target)) return uri;
        // Concatenated, not resolved as a relative reference: a first segment with a colon
        // (Telegram's /bot<id>:<secret>/…) would otherwise be read as a URI scheme (RFC 3986 §4.2).
        return new Uri(target.AbsoluteUri + uri.PathAndQuery.TrimStart('/'));
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
