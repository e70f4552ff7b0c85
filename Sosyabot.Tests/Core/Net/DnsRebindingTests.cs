using Sosyabot.Core.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Net;

// the address is checked where the socket is connected, not at some earlier lookup.
public sealed class DnsRebindingTests
{
    [Fact]
    public async Task A_name_that_rebinds_to_loopback_after_an_earlier_lookup_is_refused()
    {
        using var trap = new TrapListener("127.0.0.1");
        var resolver = new StubResolver((_, call) => call == 1 ? ["93.184.216.34"] : ["127.0.0.1"]);
        using var safeHttp = new SafeHttpTestHost(resolver);

        // What a check at URL-entry time would have seen.
        var earlier = await resolver.ResolveAsync("rebind.example", CancellationToken.None);
        Assert.Equal("93.184.216.34", Assert.Single(earlier).ToString());

        await Assert.ThrowsAsync<BlockedDestinationException>(
            () => safeHttp.CreateClient().GetAsync($"https://rebind.example:{trap.Port}/"));
        Assert.Equal(2, resolver.Calls);
        Assert.False(trap.WasConnected);
    }

    [Fact]
    public async Task One_private_address_among_public_ones_refuses_the_host()
    {
        using var trap = new TrapListener("127.0.0.1");
        using var safeHttp = new SafeHttpTestHost(StubResolver.Always("93.184.216.34", "127.0.0.1"));

        await Assert.ThrowsAsync<BlockedDestinationException>(
            () => safeHttp.CreateClient().GetAsync($"https://mixed.example:{trap.Port}/"));
        Assert.False(trap.WasConnected);
    }

    [Fact]
    public async Task The_socket_goes_to_the_address_that_was_checked_without_a_second_lookup()
    {
        await using var server = await LoopbackServer.StartAsync("127.0.0.5", "checked");
        // A second lookup would send the connection to 127.0.0.6, where nothing listens.
        var resolver = new StubResolver((_, call) => call == 1 ? ["127.0.0.5"] : ["127.0.0.6"]);
        using var safeHttp = SafeHttpTestHost.AllowingHttp(resolver, "pinned.example");

        var body = await safeHttp.CreateClient().GetStringAsync($"http://pinned.example:{server.Port}/");

        Assert.Equal("checked", body);
        Assert.Equal(1, resolver.Calls);
    }
}
