
namespace Sosyabot.Core.Providers.Snapchat;

public static class SnapchatDefaults
{
    public const string Key = "snapchat";

    public static readonly PlatformInfo Info = new(
        Key, "Snapchat", LoginType.OAuth,
        new(TimeSpan.FromHours(1), RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://accounts.snapchat.com/accounts/connected_apps");
}
