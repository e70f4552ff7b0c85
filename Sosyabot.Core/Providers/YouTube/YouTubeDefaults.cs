
namespace Sosyabot.Core.Providers.YouTube;

public static class YouTubeDefaults
{
    public const string Key = "youtube";

    public static readonly PlatformInfo Info = new(
        Key, "YouTube", LoginType.OAuth,
        new(TimeSpan.FromHours(1), RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://myaccount.google.com/connections");
}
