using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Mastodon;

// Status, only what publishing reads: https://docs.joinmastodon.org/entities/Status/
internal sealed record MastodonStatus(string? Id, string? Url, string? Uri, DateTimeOffset? CreatedAt, string? InReplyToId, string? Content, string? Visibility);

// MediaAttachment: url stays null while the server is still processing the file.
// https://docs.joinmastodon.org/entities/MediaAttachment/
internal sealed record MastodonMedia(string? Id, string? Type, string? Url);

// Where and as whom a publisher call acts: the channel's server, its token and its account id.
internal sealed record MastodonAccountRef(string Instance, string AccessToken, string AccountId)
{
    public static MastodonAccountRef Of(ChannelContext channel)
    {
        var instance = channel.Setting(ConnectedAccount.InstanceSetting);
        var at = channel.Pid.LastIndexOf('@');
        if (string.IsNullOrEmpty(instance) || string.IsNullOrEmpty(channel.AccessToken) || at <= 0)
            throw new ProviderException(ProviderErrorKind.Auth, "This Mastodon channel is missing its server or token. Reconnect it.");
        return new MastodonAccountRef(instance, channel.AccessToken, channel.Pid[..at]);
    }
}
