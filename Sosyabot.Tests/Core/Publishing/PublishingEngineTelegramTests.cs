using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public class PublishingEngineTelegramTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    // The Bot API's own error body.
    private static Fault TelegramError(int code, string description, int? retryAfter = null)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is not null) body["parameters"] = new System.Text.Json.Nodes.JsonObject { ["retry_after"] = retryAfter };
        return new Fault(code, body.ToJsonString());
    }

    [Fact]
    public async Task A_post_to_two_channels_goes_to_each_once_with_its_link_and_one_event()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var first = await fixture.ConnectAsync(user, "First");
        var second = await fixture.ConnectAsync(user, "Second");
        var content = new PostContent([PostPart.Of("Version 2 is out")], new() { ["telegram"] = new System.Text.Json.Nodes.JsonObject { ["silent"] = true } });

        var postId = await fixture.PostAsync(user, content, PostSchedule.Now, first, second);
        await fixture.RunAsync(postId);

        foreach (var target in new[] { first, second })
        {
            var message = Assert.Single(target.Chat.Messages);
            Assert.Equal("Version 2 is out", message.Text);
            Assert.True(message.Silent);
            var saved = await fixture.TargetAsync(postId, target);
            Assert.Equal(PostTargetStatus.Published, saved.Status);
            Assert.Equal(message.MessageId.ToString(), saved.PlatformPostId);
            Assert.Equal($"https://t.me/{target.Chat.Username}/{message.MessageId}", saved.PlatformPostUrl);
            Assert.Null(saved.LeaseOwner);
            var published = Assert.Single(await fixture.EventsAsync(saved.Id));
            Assert.Equal(WebhookEventTypes.PostPublished, published.Type);
            Assert.Equal(saved.PlatformPostUrl, published.Payload["url"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task One_channel_refusing_does_not_stop_the_others_and_its_reason_is_the_platforms()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var working = await fixture.ConnectAsync(user, "Working");
        var refusing = await fixture.ConnectAsync(user, "Refusing");
        fixture.Telegram().MakeAdmin(refusing.Chat, refusing.Bot, canPostMessages: false);

        var postId = await fixture.PostNowAsync(user, "Hello", working, refusing);
        await fixture.RunAsync(postId);

        Assert.Equal(PostTargetStatus.Published, (await fixture.TargetAsync(postId, working)).Status);
        var failed = await fixture.TargetAsync(postId, refusing);
        Assert.Equal(PostTargetStatus.Failed, failed.Status);
        Assert.Equal(ProviderErrorKind.Rejected, failed.LastErrorKind);
        Assert.Contains("need administrator rights in the channel chat", failed.LastError);
        Assert.Empty(refusing.Chat.Messages);
        var failedEvent = Assert.Single(await fixture.EventsAsync(failed.Id));
        Assert.Equal(WebhookEventTypes.PostFailed, failedEvent.Type);
    }

    [Fact]
    public async Task Text_over_telegrams_limit_is_refused_when_saved_and_nothing_is_sent()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);

        var refused = await Assert.ThrowsAsync<PostProblemsException>(() => fixture.PostNowAsync(user, new string('a', 4097), target));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("Telegram: 4,097 of 4,096 characters.", problem.Message);
        Assert.Equal(0, fixture.Sends(target));
    }

    [Fact]
    public async Task Rate_limited_waits_for_retry_after_then_publishes_with_two_calls()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        fixture.Emulator.Inject("POST", target.SendPath, TelegramError(429, "Too Many Requests: retry after 7", retryAfter: 7));

        var postId = await fixture.PostNowAsync(user, "Soon", target);
        var before = fixture.Clock.GetUtcNow();
        await fixture.RunAsync(postId);

        var waiting = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Scheduled, waiting.Status);
        Assert.Equal(ProviderErrorKind.RateLimited, waiting.LastErrorKind);
        // PostgreSQL keeps microseconds, the clock has ticks.
        Assert.True(waiting.NextAttemptAt >= before.AddSeconds(7).AddMilliseconds(-1), $"next attempt {waiting.NextAttemptAt:O} is before Retry-After");
        // Not yet: Retry-After is honoured.
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await fixture.RunAsync(postId);
        Assert.Equal(1, fixture.Sends(target));

        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        await fixture.RunAsync(postId);

        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        Assert.Equal(2, saved.Attempts);
        Assert.Equal(2, fixture.Sends(target));
        Assert.Single(target.Chat.Messages);
        Assert.Equal(WebhookEventTypes.PostPublished, Assert.Single(await fixture.EventsAsync(saved.Id)).Type);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_500_on_send_is_unknown_and_never_sent_again(bool telegramShaped)
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var fault = telegramShaped ? TelegramError(500, "Internal Server Error") with { AfterApplying = true } : Fault.AppliedThenUnavailable;
        fixture.Emulator.Inject("POST", target.SendPath, fault);

        var postId = await fixture.PostNowAsync(user, "Maybe", target);
        await fixture.RunAsync(postId);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await fixture.Engine().SweepAsync(CancellationToken.None);
        await fixture.RunAsync(postId);

        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Unknown, saved.Status);
        Assert.Equal(ProviderErrorKind.Unknown, saved.LastErrorKind);
        Assert.Equal(1, fixture.Sends(target));
        // The platform did post it; we just cannot know, so the user decides.
        Assert.Single(target.Chat.Messages);
        Assert.Equal(WebhookEventTypes.PostUnknown, Assert.Single(await fixture.EventsAsync(saved.Id)).Type);
    }

    [Fact]
    public async Task A_target_whose_node_stopped_after_confirming_its_last_part_is_published_by_the_sweep_without_sending_again()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var postId = await fixture.PostNowAsync(user, "Confirmed, not recorded", target);
        await fixture.RunAsync(postId);
        var sent = Assert.Single(target.Chat.Messages);
        var id = (await fixture.TargetAsync(postId, target)).Id;
        // As the node left it: the part confirmed (progress saved), then the process gone before the
        // outcome was written, its lease run out.
        await fixture.Query(db => db.PostTargets.Where(t => t.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, PostTargetStatus.Publishing)
            .SetProperty(t => t.PlatformPostId, (string?)null)
            .SetProperty(t => t.PlatformPostUrl, (string?)null)
            .SetProperty(t => t.LeaseOwner, "a-node-that-stopped")
            .SetProperty(t => t.LeaseUntil, fixture.Clock.GetUtcNow().AddMinutes(-1))));

        await fixture.Engine().SweepAsync(CancellationToken.None);

        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        Assert.Equal(sent.MessageId.ToString(), saved.PlatformPostId);
        Assert.Equal(1, fixture.Sends(target));
    }

    [Fact]
    public async Task A_revoked_bot_token_marks_the_channel_for_reconnect_and_fails_the_target()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        fixture.Telegram().RevokeToken(target.Bot);

        var postId = await fixture.PostNowAsync(user, "Hello", target);
        await fixture.RunAsync(postId);

        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Failed, saved.Status);
        Assert.Equal(ProviderErrorKind.Auth, saved.LastErrorKind);
        Assert.EndsWith("Reconnect this channel, then retry.", saved.LastError);
        var channel = await CredentialChannels.GetAsync(fixture.Services, target.Channel.Id);
        Assert.Equal(ChannelStatus.NeedsReconnect, channel.Status);
        Assert.Single(await CredentialChannels.EventsAsync(fixture.Services, user.WorkspaceId, WebhookEventTypes.AccountNeedsReconnect));
        Assert.Equal(WebhookEventTypes.PostFailed, Assert.Single(await fixture.EventsAsync(saved.Id)).Type);
    }

    [Fact]
    public async Task Telegram_unreachable_is_retried_and_then_published()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        var postId = await fixture.PostNowAsync(user, "Through the outage", target);

        // A node whose Telegram host refuses connections: the request never left.
        await using (var down = fixture.BuildServices(new Dictionary<string, string?> { ["Providers:HostOverrides:https://api.telegram.org"] = $"http://127.0.0.1:{TestPorts.Free()}/telegram/" }))
            await down.GetRequiredService<Sosyabot.Core.Publishing.PublishingEngine>().RunAsync(postId, CancellationToken.None);

        var retrying = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Scheduled, retrying.Status);
        Assert.Equal(ProviderErrorKind.Transient, retrying.LastErrorKind);
        Assert.Equal(1, retrying.Attempts);

        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        await fixture.RunAsync(postId);

        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        Assert.Equal(2, saved.Attempts);
        Assert.Single(target.Chat.Messages);
    }

    [Fact]
    public async Task A_thread_interrupted_by_flood_control_resumes_after_its_last_confirmed_part()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var target = await fixture.ConnectAsync(user);
        target.Chat.FloodWaitAfter(afterMessages: 1, seconds: 5);
        var thread = new PostContent([PostPart.Of("1/3"), PostPart.Of("2/3"), PostPart.Of("3/3")]);

        var postId = await fixture.PostAsync(user, thread, PostSchedule.Now, target);
        await fixture.RunAsync(postId);
        var halfway = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Scheduled, halfway.Status);
        Assert.Equal(0, Assert.Single(halfway.Progress).Index);

        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        await fixture.RunAsync(postId);

        var messages = target.Chat.Messages;
        Assert.Equal(["1/3", "2/3", "3/3"], messages.Select(m => m.Text));
        Assert.Equal([null, messages[0].MessageId, messages[1].MessageId], messages.Select(m => m.ReplyTo));
        var saved = await fixture.TargetAsync(postId, target);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        Assert.Equal(messages[0].MessageId.ToString(), saved.PlatformPostId);
        Assert.Equal(3, saved.Progress.Count);
        // Part 1 once, part 2 twice (refused, then sent), part 3 once.
        Assert.Equal(4, fixture.Sends(target));
    }
}
