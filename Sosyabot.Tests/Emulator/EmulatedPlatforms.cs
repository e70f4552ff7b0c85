using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.Emulator.Listmonk;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.Emulator.X;

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
        new XEmulator(),
        new RedditEmulator(),
    ];

    public static Dictionary<string, string?> AppSettings() => new()
    {
        // The emulator is on loopback; a self-hoster allows private hosts the same way.
        ["SafeHttp:AllowedPrivateHosts:0"] = "127.0.0.1",
        ["SafeHttp:AllowHttpForAllowedHosts"] = "true",
        ["Providers:X:ClientId"] = XEmulator.ClientId,
        ["Providers:X:ClientSecret"] = XEmulator.ClientSecret,
        ["Providers:Reddit:ClientId"] = RedditEmulator.ClientId,
        ["Providers:Reddit:ClientSecret"] = RedditEmulator.ClientSecret,
        ["Providers:Reddit:UserAgent"] = RedditEmulator.UserAgent,
    };
}
