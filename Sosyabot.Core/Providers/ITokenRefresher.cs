namespace Sosyabot.Core.Providers;

public interface ITokenRefresher
{
    // Called only under the channel's refresh lock, with the tokens read under it. A ProviderException
    // of kind Auth means the grant is dead (reconnect); any other kind leaves the channel as it is.
    Task<TokenSet> RefreshAsync(ChannelContext channel, CancellationToken ct);
}
