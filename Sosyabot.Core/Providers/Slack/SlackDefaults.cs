
namespace Sosyabot.Core.Providers.Slack;

public static class SlackDefaults
{
    public const string Key = "slack";

    public static readonly PlatformInfo Info = new(
        Key, "Slack", LoginType.OAuth,
        PlatformCapabilities.Text | PlatformCapabilities.Images,
        TextLimit: 40000,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: "https://slack.com/apps/manage");
}
