using System.Net;
using Microsoft.Extensions.Options;

namespace Sosyabot.Core.Net;

// Which URLs and addresses the safe client may reach, from SafeHttpOptions.
public sealed class SafeHttpPolicy(IOptions<SafeHttpOptions> options)
{
    private readonly AllowedPrivateHosts _allowed =
        AllowedPrivateHosts.TryParse(options.Value.AllowedPrivateHosts, out var allowed, out var invalidEntry)
            ? allowed
            : throw new InvalidOperationException(AllowedPrivateHosts.InvalidEntryMessage(invalidEntry));

    public bool AllowsScheme(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps
        || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttpForAllowedHosts && IsAllowListed(uri));

    // Only what the URL alone reveals (IP literals in any encoding, localhost); names are checked when connecting.
    public bool IsPrivateAddress(Uri uri)
    {
        var host = HostOf(uri);
        if (_allowed.Contains(host))
            return false;
        if (IPAddress.TryParse(host, out var address))
            return BlockedNetworks.Contains(address) && !_allowed.Contains(address);
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    internal IPAddress? FindBlocked(string host, IEnumerable<IPAddress> addresses) =>
        _allowed.Contains(host) ? null : addresses.FirstOrDefault(a => BlockedNetworks.Contains(a) && !_allowed.Contains(a));

    internal static string HostOf(Uri uri) => Unbracket(uri.IdnHost);

    internal static string Unbracket(string host) => host.Trim('[', ']');

    private bool IsAllowListed(Uri uri)
    {
        var host = HostOf(uri);
        return _allowed.Contains(host) || (IPAddress.TryParse(host, out var address) && _allowed.Contains(address));
    }
}
