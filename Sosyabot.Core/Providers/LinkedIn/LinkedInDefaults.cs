
namespace Sosyabot.Core.Providers.LinkedIn;

public static class LinkedInDefaults
{
    public const string Key = "linkedin";

    public static readonly PlatformInfo Info = new(
        Key, "LinkedIn", LoginType.OAuth,
        new(TimeSpan.FromDays(60), RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://www.linkedin.com/mypreferences/d/permitted-services");
}
