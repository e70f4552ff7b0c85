using Sosyabot.Core.Providers;

namespace Sosyabot.Core.Channels;

public static class ChannelContexts
{
    // A copy of the settings: a provider reading them cannot edit the tracked entity.
    public static ChannelContext ToContext(this Channel channel, ChannelTokens tokens) => new(
        channel.Id, channel.Platform, channel.Pid, channel.Username, channel.LoginType,
        channel.Settings.DeepClone().AsObject(), tokens.AccessToken, tokens.RefreshToken, channel.TokenExpiresAt);
}
