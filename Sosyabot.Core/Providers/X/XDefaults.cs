using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers.X;

public static class XDefaults
{
    public const string Key = "x";

    public static readonly PlatformInfo Info = new(
        Key, "X", LoginType.OAuth,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 280,
        new(TimeSpan.FromHours(2), Refreshable: true, RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://x.com/settings/connected_apps");
}
