
namespace Sosyabot.Core.Providers.LinkedIn;

public static class LinkedInDefaults
{
    public const string Key = "linkedin";

    public static readonly PlatformInfo Info = new(
        Key, "LinkedIn", LoginType.OAuth,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Metrics,
        TextLimit: 3000,
        new(TimeSpan.FromDays(60), Refreshable: false, RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://www.linkedin.com/mypreferences/d/permitted-services");
}
