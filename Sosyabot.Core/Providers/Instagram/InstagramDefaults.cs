
namespace Sosyabot.Core.Providers.Instagram;

public static class InstagramDefaults
{
    public const string Key = "instagram";

    public static readonly PlatformInfo Info = new(
        Key, "Instagram", LoginType.OAuth,
        new(TimeSpan.FromDays(60), RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://www.instagram.com/accounts/manage_access/");
}
