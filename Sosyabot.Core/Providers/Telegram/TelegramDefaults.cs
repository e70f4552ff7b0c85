using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers.Telegram;

public static class TelegramDefaults
{
    public const string Key = "telegram";

    public static readonly PlatformInfo Info = new(
        Key, "Telegram", LoginType.ApiToken,
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video,
        TextLimit: 4096,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: "https://t.me/BotFather");
}
