
namespace Sosyabot.Core.Providers.Slack;

public static class SlackDefaults
{
    public const string Key = "slack";

    public static readonly PlatformInfo Info = new(
        Key, "Slack", LoginType.OAuth,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: "https://slack.com/apps/manage");
}
