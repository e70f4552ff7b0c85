namespace Sosyabot.Core.Channels;

public enum ChannelStatus
{
    Active,
    NeedsReconnect,
}
