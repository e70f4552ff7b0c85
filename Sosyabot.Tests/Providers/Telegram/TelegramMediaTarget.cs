using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Telegram;

// A Telegram channel connected through the emulator, with the context the engine would hand its publisher.
public sealed record TelegramMediaTarget(EmulatedTelegramBot Bot, EmulatedTelegramChat Chat, ChannelContext Context)
{
    public string Path(string method) => $"/telegram/bot{Bot.Token}/{method}";

    public static async Task<TelegramMediaTarget> ConnectAsync(EmulatedAppFixture fixture)
    {
        var telegram = fixture.Emulator.Platform<TelegramEmulator>();
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var bot = telegram.CreateBot();
        var chat = telegram.CreateChannel("Photos", $"ph{Guid.NewGuid():N}"[..20]);
        telegram.MakeAdmin(chat, bot);
        var channel = await CredentialChannels.ConnectAsync(fixture.Factory.Services, user, TelegramDefaults.Key,
            new Dictionary<string, string> { ["bot_token"] = bot.Token, ["chat"] = "@" + chat.Username });
        return new TelegramMediaTarget(bot, chat, await Publishers.ContextAsync(fixture.Factory.Services, channel.Id));
    }
}
