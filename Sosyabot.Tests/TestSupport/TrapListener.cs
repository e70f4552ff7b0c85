using System.Net;
using System.Net.Sockets;

namespace Sosyabot.Tests.TestSupport;

// A port that must never be reached. It never accepts: a connection that got through the handshake waits
// in the listen backlog, so Pending() shows it without any race against an accept loop.
internal sealed class TrapListener : IDisposable
{
    private readonly TcpListener _listener;

    public TrapListener(string address)
    {
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public bool WasConnected => _listener.Pending();

    public void Dispose() => _listener.Dispose();
}
