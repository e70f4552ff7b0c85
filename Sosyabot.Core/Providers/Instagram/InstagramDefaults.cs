
namespace Sosyabot.Core.Providers.Instagram;

public static class InstagramDefaults
{
    public const string Key = "instagram";

    public static readonly PlatformInfo Info = new(
        Key, "Instagram", LoginType.OAuth,
        PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 2200,
        new(TimeSpan.FromDays(60), Refreshable: true, RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://www.instagram.com/accounts/manage_access/");
}
