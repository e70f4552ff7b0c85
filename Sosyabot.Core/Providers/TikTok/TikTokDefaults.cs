
namespace Sosyabot.Core.Providers.TikTok;

public static class TikTokDefaults
{
    public const string Key = "tiktok";

    public static readonly PlatformInfo Info = new(
        Key, "TikTok", LoginType.OAuth,
        PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 2200,
        new(TimeSpan.FromHours(24), Refreshable: true, RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://www.tiktok.com/setting");
}
