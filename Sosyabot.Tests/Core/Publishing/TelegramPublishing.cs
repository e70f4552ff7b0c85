using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public sealed record TelegramTarget(EmulatedTelegramBot Bot, EmulatedTelegramChat Chat, Channel Channel)
{
    public string SendPath => $"/telegram/bot{Bot.Token}/sendMessage";
}

// Real Telegram channels connected through the emulator, posts written through PostService, and
// the engine run the way the Quartz jobs run it.
public static class TelegramPublishing
{
    public static TelegramEmulator Telegram(this PublishingFixture fixture) => fixture.Emulator.Platform<TelegramEmulator>();

    public static async Task<TelegramTarget> ConnectAsync(this PublishingFixture fixture, TestUser user, string title = "Release notes")
    {
        var telegram = fixture.Telegram();
        var bot = telegram.CreateBot();
        var chat = telegram.CreateChannel(title, $"ch{Guid.NewGuid():N}"[..20]);
        telegram.MakeAdmin(chat, bot);
        var channel = await CredentialChannels.ConnectAsync(fixture.Services, user, TelegramDefaults.Key,
            new Dictionary<string, string> { ["bot_token"] = bot.Token, ["chat"] = "@" + chat.Username });
        return new TelegramTarget(bot, chat, channel);
    }

    public static Task<Guid> PostAsync(this PublishingFixture fixture, TestUser user, PostContent content, PostSchedule schedule, params TelegramTarget[] targets) =>
        fixture.Run<PostService, Guid>(s => s.CreateAsync(user.Id, user.WorkspaceId, content, targets.Select(t => t.Channel.Id).ToList(), schedule));

    public static Task<Guid> PostNowAsync(this PublishingFixture fixture, TestUser user, string text, params TelegramTarget[] targets) =>
        fixture.PostAsync(user, PostContent.Text(text), PostSchedule.Now, targets);

    public static Task<PostTarget> TargetAsync(this PublishingFixture fixture, Guid postId, TelegramTarget target) => fixture.TargetAsync(postId, target.Channel.Id);

    public static int Sends(this PublishingFixture fixture, TelegramTarget target) => fixture.Emulator.RequestsTo("POST", target.SendPath).Count();
}
