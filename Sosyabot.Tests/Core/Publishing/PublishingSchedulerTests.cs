using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Core.Publishing.Jobs;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// The real app with its clustered Quartz scheduler: triggers wake the engine, the sweep covers a lost one.
public class PublishingSchedulerTests(PublishingSchedulerTests.Fixture app) : IClassFixture<PublishingSchedulerTests.Fixture>
{
    public sealed class Fixture : EmulatedAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings()
        {
            var settings = new Dictionary<string, string?>(base.Settings()) { ["Publishing:SweepInterval"] = "00:00:01" };
            return settings;
        }
    }

    private IServiceProvider Services => app.Factory.Services;
    private TelegramEmulator Telegram => app.Emulator.Platform<TelegramEmulator>();

    private async Task<(TestUser User, EmulatedTelegramChat Chat, Guid ChannelId)> ConnectAsync()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var chat = Telegram.CreateChannel("Scheduled", $"ch{Guid.NewGuid():N}"[..20]);
        Telegram.MakeAdmin(chat, bot);
        var channel = await CredentialChannels.ConnectAsync(Services, user, TelegramDefaults.Key,
            new Dictionary<string, string> { ["bot_token"] = bot.Token, ["chat"] = "@" + chat.Username });
        return (user, chat, channel.Id);
    }

    private async Task<Guid> PostAsync(TestUser user, Guid channelId, PostSchedule schedule)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PostService>().CreateAsync(user.Id, user.WorkspaceId, PostContent.Text("From Quartz"), [channelId], schedule);
    }

    private async Task<PostTargetStatus> StatusAsync(Guid postId)
    {
        await using var db = TestDb.CreateContext(app.ConnectionString);
        return await db.PostTargets.Where(t => t.PostId == postId).Select(t => t.Status).SingleAsync();
    }

    [Fact]
    public async Task Publish_now_goes_out_at_once()
    {
        await app.RunningSchedulerAsync();
        var (user, chat, channelId) = await ConnectAsync();

        var postId = await PostAsync(user, channelId, PostSchedule.Now);

        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(postId) == PostTargetStatus.Published, TimeSpan.FromSeconds(20)));
        Assert.Equal("From Quartz", Assert.Single(chat.Messages).Text);
    }

    [Fact]
    public async Task A_scheduled_post_gets_its_own_trigger_and_goes_out_when_due()
    {
        var scheduler = await app.RunningSchedulerAsync();
        var (user, chat, channelId) = await ConnectAsync();

        var postId = await PostAsync(user, channelId, PostSchedule.At(DateTime.UtcNow.AddSeconds(3), "UTC"));

        Assert.NotNull(await scheduler.GetTrigger(PublishTriggers.KeyOf(postId)));
        Assert.Equal(PostTargetStatus.Scheduled, await StatusAsync(postId));
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(postId) == PostTargetStatus.Published, TimeSpan.FromSeconds(20)));
        Assert.Single(chat.Messages);
    }

    [Fact]
    public async Task A_post_whose_trigger_was_lost_is_published_by_the_sweep()
    {
        var scheduler = await app.RunningSchedulerAsync();
        var (user, chat, channelId) = await ConnectAsync();
        var postId = await PostAsync(user, channelId, PostSchedule.At(DateTime.UtcNow.AddSeconds(2), "UTC"));

        Assert.True(await scheduler.UnscheduleJob(PublishTriggers.KeyOf(postId)));

        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(postId) == PostTargetStatus.Published, TimeSpan.FromSeconds(20)));
        Assert.Single(chat.Messages);
    }
}
