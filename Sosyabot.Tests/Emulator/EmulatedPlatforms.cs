using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.Emulator.Telegram;

namespace Sosyabot.Tests.Emulator;

// Every platform emulator, and the app settings (client ids, allowed hosts) that go with them.
public static class EmulatedPlatforms
{
    public static IPlatformEmulator[] Create() =>
    [
        new MastodonEmulator(),
        new BlueskyEmulator(),
        new TelegramEmulator(),
        new ListmonkEmulator(),
    ];

    public static Dictionary<string, string?> AppSettings() => new()
    {
        // The emulator is on loopback; a self-hoster allows private hosts the same way.
        ["SafeHttp:AllowedPrivateHosts:0"] = "127.0.0.1",
        ["SafeHttp:AllowHttpForAllowedHosts"] = "true",
    };
}
