
namespace Sosyabot.Core.Providers.Threads;

public static class ThreadsDefaults
{
    public const string Key = "threads";

    public static readonly PlatformInfo Info = new(
        Key, "Threads", LoginType.OAuth,
        new(TimeSpan.FromDays(60), RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://www.instagram.com/accounts/manage_access/");
}
