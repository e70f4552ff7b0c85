using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// Quartz fetches triggers up to Scheduler:FireAhead early; the post's job waits for the due time
// instead of finding nothing due and leaving the post to the (here very slow) sweep.
public class PublishingFireAheadTests(PublishingFireAheadTests.Fixture app) : IClassFixture<PublishingFireAheadTests.Fixture>
{
    public sealed class Fixture : EmulatedAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
        {
            ["Scheduler:FireAhead"] = "00:00:05",
            ["Publishing:SweepInterval"] = "00:10:00",
        };
    }

    [Fact]
    public async Task A_trigger_fetched_early_publishes_at_the_due_time_not_before()
    {
        await app.RunningSchedulerAsync();
        var services = app.Factory.Services;
        var telegram = app.Emulator.Platform<TelegramEmulator>();
        var user = await TestUsers.CreateAsync(services);
        var bot = telegram.CreateBot();
        var chat = telegram.CreateChannel("Ahead", $"ch{Guid.NewGuid():N}"[..20]);
        telegram.MakeAdmin(chat, bot);
        var channel = await CredentialChannels.ConnectAsync(services, user, TelegramDefaults.Key,
            new Dictionary<string, string> { ["bot_token"] = bot.Token, ["chat"] = "@" + chat.Username });
        var due = DateTime.UtcNow.AddSeconds(4);

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PostService>().CreateAsync(user.Id, user.WorkspaceId, PostContent.Text("Ahead of time"), [channel.Id],
                PostSchedule.At(DateTime.SpecifyKind(due, DateTimeKind.Unspecified), "UTC"));

        var sent = () => app.Emulator.RequestsTo("POST", $"/telegram/bot{bot.Token}/sendMessage").ToList();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(sent().Count == 1), TimeSpan.FromSeconds(20)));
        var receivedAt = sent()[0].ReceivedAt;
        Assert.InRange(receivedAt, new DateTimeOffset(due), new DateTimeOffset(due).AddSeconds(3));
        // The answer is recorded a moment after the platform received the send.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await using var db = TestDb.CreateContext(app.ConnectionString);
            return await db.PostTargets.Where(t => t.ChannelId == channel.Id).Select(t => t.Status).SingleAsync() == PostTargetStatus.Published;
        }, TimeSpan.FromSeconds(20)));
    }
}
