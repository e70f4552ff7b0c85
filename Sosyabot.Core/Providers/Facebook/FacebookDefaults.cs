
namespace Sosyabot.Core.Providers.Facebook;

public static class FacebookDefaults
{
    public const string Key = "facebook";

    public static readonly PlatformInfo Info = new(
        Key, "Facebook Pages", LoginType.OAuth,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 63206,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: "https://www.facebook.com/settings?tab=business_tools");
}
