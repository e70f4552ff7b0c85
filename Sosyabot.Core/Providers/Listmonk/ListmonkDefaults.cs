using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers.Listmonk;

public static class ListmonkDefaults
{
    public const string Key = "listmonk";

    public static readonly PlatformInfo Info = new(
        Key, "Listmonk", LoginType.ApiToken,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Metrics,
        TextLimit: null,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: null);
}
