
namespace Sosyabot.Core.Providers.YouTube;

public static class YouTubeDefaults
{
    public const string Key = "youtube";

    public static readonly PlatformInfo Info = new(
        Key, "YouTube", LoginType.OAuth,
        PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 5000,
        new(TimeSpan.FromHours(1), Refreshable: true, RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://myaccount.google.com/connections");
}
