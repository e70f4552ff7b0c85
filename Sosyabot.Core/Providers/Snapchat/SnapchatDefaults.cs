
namespace Sosyabot.Core.Providers.Snapchat;

public static class SnapchatDefaults
{
    public const string Key = "snapchat";

    public static readonly PlatformInfo Info = new(
        Key, "Snapchat", LoginType.OAuth,
        PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Metrics,
        TextLimit: 160,
        new(TimeSpan.FromHours(1), Refreshable: true, RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://accounts.snapchat.com/accounts/connected_apps");
}
