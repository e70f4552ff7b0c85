using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Sosyabot.Core.Net;

// The admin's SafeHttp:AllowedPrivateHosts: exact host names (no subdomains) and IP networks.
internal sealed class AllowedPrivateHosts(IReadOnlySet<string> hosts, IReadOnlyList<IPNetwork> networks)
{
    public bool Contains(string host) => hosts.Contains(NormalizeHost(host));

    public bool Contains(IPAddress address)
    {
        var normalized = BlockedNetworks.Normalize(address);
        return networks.Any(n => n.Contains(normalized));
    }

    public static bool TryParse(
        IEnumerable<string> entries,
        [NotNullWhen(true)] out AllowedPrivateHosts? allowed,
        [NotNullWhen(false)] out string? invalidEntry)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var networks = new List<IPNetwork>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                networks.Add(SingleAddress(BlockedNetworks.Normalize(address)));
            else if (Uri.CheckHostName(entry) == UriHostNameType.Dns)
                hosts.Add(NormalizeHost(entry));
            else
            {
                (allowed, invalidEntry) = (null, raw);
                return false;
            }
        }
        (allowed, invalidEntry) = (new AllowedPrivateHosts(hosts, networks), null);
        return true;
    }

    public static string InvalidEntryMessage(string entry) =>
        $"{SafeHttpOptions.Section}:{nameof(SafeHttpOptions.AllowedPrivateHosts)} entry '{entry}' is not a host name, " +
        "an IP address or a network such as 10.0.0.0/24.";

    private static IPNetwork SingleAddress(IPAddress address) =>
        new(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);

    private static string NormalizeHost(string host) => host.TrimEnd('.');
}
