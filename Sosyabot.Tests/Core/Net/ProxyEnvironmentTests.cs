using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Net;

// Proxy settings are process-wide; nothing else may run while they are changed.
[CollectionDefinition(nameof(ProxyEnvironmentTests), DisableParallelization = true)]
public sealed class ProxyEnvironmentCollection;

// a proxy would receive the checked connection and then resolve the target itself.
[Collection(nameof(ProxyEnvironmentTests))]
public sealed class ProxyEnvironmentTests
{
    private static readonly string[] ProxyVariables = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"];

    [Fact]
    public async Task Requests_ignore_the_system_proxy_and_go_direct()
    {
        using var proxy = new TrapListener("127.0.0.1");
        var proxyUrl = $"http://127.0.0.1:{proxy.Port}";
        await using var server = await LoopbackServer.StartAsync("127.0.0.5", "direct");
        // A name, not a loopback literal, so an honoured proxy setting would not bypass it as local.
        using var safeHttp = SafeHttpTestHost.AllowingHttp(StubResolver.Always("127.0.0.5"), "listmonk.lan");
        var savedDefault = HttpClient.DefaultProxy;
        var savedVariables = ProxyVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var variable in ProxyVariables)
                Environment.SetEnvironmentVariable(variable, proxyUrl);
            // .NET reads the variables once per process into DefaultProxy, which an earlier test may already have done.
            HttpClient.DefaultProxy = new WebProxy(proxyUrl);

            var body = await safeHttp.CreateClient().GetStringAsync($"http://listmonk.lan:{server.Port}/");

            Assert.Equal("direct", body);
            Assert.Equal(1, server.Requests);
            Assert.False(proxy.WasConnected);
        }
        finally
        {
            HttpClient.DefaultProxy = savedDefault;
            foreach (var (variable, value) in savedVariables)
                Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
