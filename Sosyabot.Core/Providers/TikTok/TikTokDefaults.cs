
namespace Sosyabot.Core.Providers.TikTok;

public static class TikTokDefaults
{
    public const string Key = "tiktok";

    public static readonly PlatformInfo Info = new(
        Key, "TikTok", LoginType.OAuth,
        new(TimeSpan.FromHours(24), RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://www.tiktok.com/setting");
}
