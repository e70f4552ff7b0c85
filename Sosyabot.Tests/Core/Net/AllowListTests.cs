using Microsoft.Extensions.Options;
using Sosyabot.Core.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Net;

// the admin allow-list opens exactly what it names.
public sealed class AllowListTests
{
    [Fact]
    public async Task An_allow_listed_address_is_reached_while_its_neighbour_stays_blocked()
    {
        await using var allowed = await LoopbackServer.StartAsync("127.0.0.5", "listmonk");
        using var neighbour = new TrapListener("127.0.0.6");
        using var safeHttp = SafeHttpTestHost.AllowingHttp(null, "127.0.0.5/32");
        var client = safeHttp.CreateClient();

        Assert.Equal("listmonk", await client.GetStringAsync($"http://127.0.0.5:{allowed.Port}/"));
        await Assert.ThrowsAsync<BlockedDestinationException>(() => client.GetAsync($"http://127.0.0.6:{neighbour.Port}/"));
        Assert.False(neighbour.WasConnected);
    }

    [Fact]
    public async Task An_allow_listed_name_may_resolve_to_a_private_address()
    {
        await using var server = await LoopbackServer.StartAsync("127.0.0.5", "listmonk");
        using var safeHttp = SafeHttpTestHost.AllowingHttp(StubResolver.Always("127.0.0.5"), "listmonk.lan");

        Assert.Equal("listmonk", await safeHttp.CreateClient().GetStringAsync($"http://LISTMONK.lan:{server.Port}/"));
    }

    [Fact]
    public async Task Another_name_resolving_to_the_same_private_address_is_blocked()
    {
        await using var server = await LoopbackServer.StartAsync("127.0.0.5", "listmonk");
        using var safeHttp = new SafeHttpTestHost(StubResolver.Always("127.0.0.5"), SafeHttpTestHost.Settings(["listmonk.lan"]));

        await Assert.ThrowsAsync<BlockedDestinationException>(
            () => safeHttp.CreateClient().GetAsync($"https://evil.example:{server.Port}/"));
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Plain_http_to_an_allow_listed_host_needs_the_admin_switch()
    {
        await using var server = await LoopbackServer.StartAsync("127.0.0.5", "listmonk");
        using var safeHttp = new SafeHttpTestHost(settings: SafeHttpTestHost.Settings(["127.0.0.5/32"]));

        await Assert.ThrowsAsync<BlockedDestinationException>(
            () => safeHttp.CreateClient().GetAsync($"http://127.0.0.5:{server.Port}/"));
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task The_http_switch_does_not_open_http_to_other_hosts()
    {
        var resolver = StubResolver.Always("93.184.216.34");
        using var safeHttp = SafeHttpTestHost.AllowingHttp(resolver, "127.0.0.5/32");

        await Assert.ThrowsAsync<BlockedDestinationException>(() => safeHttp.CreateClient().GetAsync("http://public.example/"));
        Assert.Equal(0, resolver.Calls);
    }

    [Fact]
    public void A_malformed_entry_is_reported_by_name()
    {
        using var safeHttp = new SafeHttpTestHost(settings: SafeHttpTestHost.Settings(["10.0.0.5/33"]));

        var error = Assert.Throws<OptionsValidationException>(() => safeHttp.CreateClient());
        Assert.Contains("'10.0.0.5/33'", error.Message);
    }
}
