
namespace Sosyabot.Core.Providers.Pinterest;

public static class PinterestDefaults
{
    public const string Key = "pinterest";

    public static readonly PlatformInfo Info = new(
        Key, "Pinterest", LoginType.OAuth,
        PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 800,
        new(TimeSpan.FromDays(30), Refreshable: true, RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://www.pinterest.com/settings/security");
}
