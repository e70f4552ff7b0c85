using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Net;

// loopback and metadata targets in every spelling are refused before any connection.
public sealed class BlockedHostTests
{
    // 127.0.0.1.nip.io resolves to 127.0.0.1 on the real internet; here the resolver seam plays that DNS.
    // Every other name goes to the system resolver (offline: localhost comes from /etc/hosts).
    private static readonly StubResolver Resolver = new((host, _) => host == "127.0.0.1.nip.io"
        ? ["127.0.0.1"]
        : [.. Dns.GetHostAddresses(host).Select(a => a.ToString())]);

    public static TheoryData<string, string> Hosts => new()
    {
        { "localhost", "127.0.0.1" },
        { "127.0.0.1.nip.io", "127.0.0.1" },
        { "[::1]", "::1" },
        { "[::ffff:127.0.0.1]", "127.0.0.1" },
        { "169.254.169.254", "127.0.0.1" },
        { "2130706433", "127.0.0.1" },
        { "0x7f000001", "127.0.0.1" },
    };

    [Theory, MemberData(nameof(Hosts))]
    public async Task The_safe_client_refuses_it(string host, string trapAddress)
    {
        using var trap = new TrapListener(trapAddress);
        using var safeHttp = new SafeHttpTestHost(Resolver);

        await Assert.ThrowsAsync<BlockedDestinationException>(
            () => safeHttp.CreateClient().GetAsync($"https://{host}:{trap.Port}/"));
        Assert.False(trap.WasConnected);
    }

    // The request guard above already refuses literal addresses; this proves the connect-time check,
    // the real guard, refuses them alone (plain http, no guard in front).
    [Theory, MemberData(nameof(Hosts))]
    public async Task The_connect_time_check_refuses_it_on_its_own(string host, string trapAddress)
    {
        using var trap = new TrapListener(trapAddress);
        var options = new SafeHttpOptions { ConnectTimeout = TimeSpan.FromSeconds(2) };
        var connector = new SafeConnector(new SafeHttpPolicy(Options.Create(options)), Resolver, NullLogger<SafeConnector>.Instance);
        using var client = new HttpClient(SafeHttpServiceCollectionExtensions.CreatePrimaryHandler(options, connector))
        {
            Timeout = TimeSpan.FromSeconds(5),
        };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://{host}:{trap.Port}/"));
        Assert.IsType<BlockedDestinationException>(error.InnerException);
        Assert.False(trap.WasConnected);
    }

    [Fact]
    public async Task The_refusal_names_the_host_but_not_the_query()
    {
        using var safeHttp = new SafeHttpTestHost(StubResolver.Always("10.1.2.3"));

        var error = await Assert.ThrowsAsync<BlockedDestinationException>(
            () => safeHttp.CreateClient().GetAsync("https://intranet.example/api?access_token=s3cret"));

        Assert.Equal("intranet.example", error.Host);
        Assert.Contains("intranet.example", error.Message);
        Assert.Contains("10.1.2.3", error.Message);
        Assert.DoesNotContain("s3cret", error.ToString());
    }
}
