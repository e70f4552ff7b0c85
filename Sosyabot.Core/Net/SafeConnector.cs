using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Sosyabot.Core.Net;

// SocketsHttpHandler.ConnectCallback: resolves once, checks every address, and connects to a checked
// address, so a DNS answer that changes between a check and the connect (rebinding) cannot slip through.
internal sealed partial class SafeConnector(SafeHttpPolicy policy, IHostAddressResolver resolver, ILogger<SafeConnector> logger)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = SafeHttpPolicy.Unbracket(context.DnsEndPoint.Host);
        var literal = IPAddress.TryParse(host, out var parsed);
        var addresses = literal ? [parsed!] : await resolver.ResolveAsync(host, cancellationToken);

        if (policy.FindBlocked(host, addresses) is { } blocked)
        {
            var reason = (literal ? "it is" : $"it resolves to {blocked},") + " a private or reserved address; " +
                $"an administrator can allow it under {SafeHttpOptions.Section}:{nameof(SafeHttpOptions.AllowedPrivateHosts)}";
            LogBlocked(logger, host, blocked);
            throw new BlockedDestinationException(host, reason);
        }
        if (addresses.Length == 0)
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"{host} did not resolve to any address.");

        return await ConnectToFirstAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
    }

    private static async Task<Stream> ConnectToFirstAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(BlockedNetworks.Normalize(addresses[i]), port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException) when (i < addresses.Length - 1)
            {
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blocked an outbound connection to {Host}: {Address} is a private or reserved address")]
    private static partial void LogBlocked(ILogger logger, string host, IPAddress address);
}
