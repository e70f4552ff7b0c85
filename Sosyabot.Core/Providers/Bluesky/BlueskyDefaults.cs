using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers.Bluesky;

public static class BlueskyDefaults
{
    public const string Key = "bluesky";

    public static readonly PlatformInfo Info = new(
        Key, "Bluesky", LoginType.Credentials,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 300,
        new(TimeSpan.FromHours(2), Refreshable: true, RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://bsky.app/settings/app-passwords");
}
