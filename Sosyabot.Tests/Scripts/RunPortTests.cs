using System.Net;
using System.Net.Sockets;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Scripts;

// How `./sosyabot run` picks the app's address. Both cases stop before the (slow) publish.
public class RunPortTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task SOSYABOT_PORT_names_the_port_that_must_be_free()
    {
        using var taken = Listen(out var port);

        var result = await SosyabotScript.RunAsync("run", new Dictionary<string, string?>
        {
            ["SOSYABOT_PORT"] = port.ToString(),
            ["ASPNETCORE_URLS"] = null,
        }, Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"port {port} on 127.0.0.1 is already in use", result.Output);
    }

    [Fact]
    public async Task A_set_ASPNETCORE_URLS_is_used_as_is_even_while_port_5000_is_taken()
    {
        // Held here, unless something else holds it already: either way the default port is in use.
        using var holder = TryListen(5000);

        // A PostgreSQL directory that does not exist makes the script stop right after the port check.
        var result = await SosyabotScript.RunAsync("run", new Dictionary<string, string?>
        {
            ["SOSYABOT_PORT"] = null,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{TestPorts.Free()}",
            ["ConnectionStrings__Sosyabot"] = null,
            ["SOSYABOT_PG_BIN"] = "/nonexistent",
        }, Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("already in use", result.Output);
        Assert.Contains("SOSYABOT_PG_BIN=/nonexistent", result.Output);
    }

    private static TcpListener? TryListen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            return null;
        }
    }

    private static TcpListener Listen(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
