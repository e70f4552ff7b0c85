using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers;

public interface ITokenRefresher
{
    // Called only under the channel's refresh lock. A ProviderException of kind Auth means the grant
    // is dead (reconnect); any other kind leaves the channel as it is.
    Task<TokenSet> RefreshAsync(Channel channel, ChannelTokens tokens, CancellationToken ct);
}
