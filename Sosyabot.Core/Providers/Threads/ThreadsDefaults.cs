
namespace Sosyabot.Core.Providers.Threads;

public static class ThreadsDefaults
{
    public const string Key = "threads";

    public static readonly PlatformInfo Info = new(
        Key, "Threads", LoginType.OAuth,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Refresh | PlatformCapabilities.Polling | PlatformCapabilities.Metrics,
        TextLimit: 500,
        new(TimeSpan.FromDays(60), Refreshable: true, RotatingRefreshTokens: false),
        ConnectedAppsUrl: "https://www.instagram.com/accounts/manage_access/");
}
