using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers.Reddit;

public static class RedditDefaults
{
    public const string Key = "reddit";

    public static readonly PlatformInfo Info = new(
        Key, "Reddit", LoginType.OAuth,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 40000,
        new(TimeSpan.FromHours(1), Refreshable: true, RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://www.reddit.com/prefs/apps");
}
