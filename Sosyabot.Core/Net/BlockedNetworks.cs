using System.Net;

namespace Sosyabot.Core.Net;

// The ranges of reliability.md §6.2 rule 3: loopback, private, link-local (cloud metadata),
// CGNAT, benchmarking, documentation, multicast, reserved, and IPv6 forms that tunnel to IPv4.
internal static class BlockedNetworks
{
    private static readonly IPNetwork[] Networks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "64:ff9b::/96", "2002::/16", "2001:db8::/32",
            // Unreachable after Normalize; kept so the list fails closed if normalising is ever dropped.
            "::ffff:0:0/96",
        }.Select(IPNetwork.Parse),
    ];

    public static bool Contains(IPAddress address)
    {
        var normalized = Normalize(address);
        return Networks.Any(n => n.Contains(normalized));
    }

    // ::ffff:127.0.0.1 is 127.0.0.1 on the wire. Normalising ourselves keeps ::ffff:8.8.8.8 public whatever
    // IPNetwork.Contains does with mapped addresses, which has changed between runtimes (dotnet/runtime#131861).
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
