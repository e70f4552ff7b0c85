using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers.Mastodon;

public static class MastodonDefaults
{
    public const string Key = "mastodon";

    public static readonly PlatformInfo Info = new(
        Key, "Mastodon", LoginType.OAuth,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 500,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: null);
}
