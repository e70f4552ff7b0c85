using Microsoft.Extensions.Logging;

namespace Sosyabot.Core.Channels;

// The one line an operator sees when a channel stops working until someone reconnects it. The reason
// is our own text or the platform's error message, never a token.
internal static partial class ChannelLog
{
    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId} on {Platform} needs reconnect: {Reason}")]
    public static partial void MarkedForReconnect(ILogger logger, string platform, Guid channelId, string reason);
}
