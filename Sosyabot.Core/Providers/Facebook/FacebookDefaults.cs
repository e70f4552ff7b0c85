
namespace Sosyabot.Core.Providers.Facebook;

public static class FacebookDefaults
{
    public const string Key = "facebook";

    public static readonly PlatformInfo Info = new(
        Key, "Facebook Pages", LoginType.OAuth,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: "https://www.facebook.com/settings?tab=business_tools");
}
