
namespace Sosyabot.Core.Providers.Pinterest;

public static class PinterestDefaults
{
    public const string Key = "pinterest";

    public static readonly PlatformInfo Info = new(
        Key, "Pinterest", LoginType.OAuth,
        new(TimeSpan.FromDays(30), RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://www.pinterest.com/settings/security");
}
