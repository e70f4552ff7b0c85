using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// The faults of issue 7 §5 for one platform, through the whole engine against its emulator: real
// channels, posts written with PostService, the engine run as the Quartz jobs run it, the clock moved
// by the test. Each platform's class gives its adapter (how it connects, where it creates, what it keeps).
public abstract class PublishingEngineFaultTests(PublishingFixture fixture, EnginePlatform platform)
{
    private static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(10);

    protected PublishingFixture Fixture => fixture;

    protected async Task<(EngineChannel Channel, string Text, Guid PostId)> PostAsync(string text, Fault? fault = null)
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var channel = await platform.ConnectAsync(user);
        text = Publishers.Unique(text);
        if (fault is not null) fixture.Emulator.Inject("POST", platform.CreatePath(channel), fault);
        return (channel, text, await CreatePostAsync(user, platform.Content(channel, text), channel.Channel.Id));
    }

    private Task<Guid> CreatePostAsync(TestUser user, PostContent content, params Guid[] channelIds) =>
        fixture.Run<PostService, Guid>(s => s.CreateAsync(user.Id, user.WorkspaceId, content, channelIds, PostSchedule.Now));

    protected Task<PostTarget> TargetAsync(Guid postId, EngineChannel channel) =>
        fixture.TargetAsync(postId, channel.Channel.Id);

    // The sweeper a little later: the channel's pace allows the next attempt, Unknowns are asked about.
    protected async Task SweepAsync()
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await fixture.Engine().SweepAsync(CancellationToken.None);
    }

    // A node whose platform calls give up after a second (long enough for a healthy emulator).
    protected Task RunWithShortTimeoutAsync(Guid postId) => RunOnNodeAsync(postId, $"{ProviderHttpOptions.Section}:Timeout", "00:00:01");

    // A node configured otherwise (a shorter HTTP timeout, a platform host that refuses connections).
    private async Task RunOnNodeAsync(Guid postId, string setting, string value)
    {
        await using var node = fixture.BuildServices(new Dictionary<string, string?> { [setting] = value });
        await node.GetRequiredService<PublishingEngine>().RunAsync(postId, CancellationToken.None);
    }

    private async Task AssertPublishedOnceAsync(Guid postId, EngineChannel channel, string text, int sends, params string[] events)
    {
        var saved = await TargetAsync(postId, channel);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        var post = Assert.Single(platform.Posts(channel, text));
        Assert.True(post.Live, "the post was made but never went out");
        Assert.Equal((post.Id, post.Url), (saved.PlatformPostId, saved.PlatformPostUrl));
        Assert.Equal(sends, platform.Sends(channel, text));
        // A 429, a 5xx or a network error never asks the user to reconnect (reliability.md ).
        Assert.Equal(ChannelStatus.Active, (await CredentialChannels.GetAsync(fixture.Services, channel.Channel.Id)).Status);
        Assert.Equal(events, (await fixture.EventsAsync(saved.Id)).OrderBy(e => e.CreatedAt).Select(e => e.Type));
    }

    [Fact]
    public async Task Rate_limited_waits_until_the_platform_says_then_publishes_with_two_calls()
    {
        var before = fixture.Clock.GetUtcNow();
        var (channel, text, postId) = await PostAsync("Rate limited", platform.RateLimited(RateLimitWait));

        await fixture.RunAsync(postId);
        var waiting = await TargetAsync(postId, channel);
        Assert.Equal(PostTargetStatus.Scheduled, waiting.Status);
        Assert.Equal(ProviderErrorKind.RateLimited, waiting.LastErrorKind);
        // PostgreSQL keeps microseconds, the clock has ticks.
        Assert.True(waiting.NextAttemptAt >= before + RateLimitWait - TimeSpan.FromMilliseconds(1), $"next attempt {waiting.NextAttemptAt:O} is before the platform's reset");
        Assert.Empty(platform.Posts(channel, text));

        fixture.Clock.Advance(RateLimitWait - TimeSpan.FromSeconds(2));
        await fixture.RunAsync(postId);
        Assert.Equal(1, platform.Sends(channel, text));

        // A reset in whole seconds may round the wait up by one.
        fixture.Clock.Advance(TimeSpan.FromSeconds(3.5));
        await fixture.RunAsync(postId);

        Assert.Equal(2, (await TargetAsync(postId, channel)).Attempts);
        await AssertPublishedOnceAsync(postId, channel, text, sends: 2, WebhookEventTypes.PostPublished);
    }

    // The platform made the post, then answered 500 or dropped the connection before answering.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_answer_after_the_platform_made_the_post_is_unknown_then_found_by_the_sweep(bool connectionReset)
    {
        var (channel, text, postId) = await PostAsync("Made, then lost", connectionReset ? Fault.AppliedThenReset : Fault.AppliedThenUnavailable);

        await fixture.RunAsync(postId);
        var unknown = await TargetAsync(postId, channel);
        Assert.Equal(PostTargetStatus.Unknown, unknown.Status);
        Assert.Equal(ProviderErrorKind.Unknown, unknown.LastErrorKind);

        await SweepAsync();

        await AssertPublishedOnceAsync(postId, channel, text, sends: 1, WebhookEventTypes.PostUnknown, WebhookEventTypes.PostPublished);
    }

    // Applied: the platform made the post and its answer never came. Not applied: the platform held
    // the request and dropped it with the caller, so the resolver proves it absent and it is sent again.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_timeout_is_unknown_then_settled_by_the_sweep_and_published_once(bool applied)
    {
        var delay = TimeSpan.FromSeconds(10);
        var (channel, text, postId) = await PostAsync("Timed out", applied ? Fault.AppliedThenSilent(delay) : Fault.Slow(delay));

        await RunWithShortTimeoutAsync(postId);
        Assert.Equal(PostTargetStatus.Unknown, (await TargetAsync(postId, channel)).Status);
        Assert.Equal(applied ? 1 : 0, platform.Posts(channel, text).Count);

        await SweepAsync();

        await AssertPublishedOnceAsync(postId, channel, text, sends: applied ? 1 : 2, WebhookEventTypes.PostUnknown, WebhookEventTypes.PostPublished);
    }

    [Fact]
    public async Task An_unreachable_platform_is_retried_and_then_published()
    {
        var (channel, text, postId) = await PostAsync("Through the outage");

        // A node whose route to the platform refuses connections: the request never left.
        await RunOnNodeAsync(postId, $"{HostOverrides.Section}:{platform.Origin}", $"http://127.0.0.1:{TestPorts.Free()}/");
        var retrying = await TargetAsync(postId, channel);
        Assert.Equal(PostTargetStatus.Scheduled, retrying.Status);
        Assert.Equal(ProviderErrorKind.Transient, retrying.LastErrorKind);
        Assert.Equal(0, platform.Sends(channel, text));

        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        await fixture.RunAsync(postId);

        Assert.Equal(2, (await TargetAsync(postId, channel)).Attempts);
        await AssertPublishedOnceAsync(postId, channel, text, sends: 1, WebhookEventTypes.PostPublished);
    }

    [Fact]
    public async Task Revoked_access_marks_the_channel_for_reconnect_and_fails_the_target()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var channel = await platform.ConnectAsync(user);
        var text = Publishers.Unique("After revocation");
        platform.Revoke(channel);
        var postId = await CreatePostAsync(user, platform.Content(channel, text), channel.Channel.Id);

        await fixture.RunAsync(postId);

        var saved = await TargetAsync(postId, channel);
        Assert.Equal(PostTargetStatus.Failed, saved.Status);
        Assert.Equal(ProviderErrorKind.Auth, saved.LastErrorKind);
        Assert.EndsWith("Reconnect this channel, then retry.", saved.LastError);
        Assert.Equal(ChannelStatus.NeedsReconnect, (await CredentialChannels.GetAsync(fixture.Services, channel.Channel.Id)).Status);
        Assert.Single(await CredentialChannels.EventsAsync(fixture.Services, user.WorkspaceId, WebhookEventTypes.AccountNeedsReconnect));
        Assert.Equal(WebhookEventTypes.PostFailed, Assert.Single(await fixture.EventsAsync(saved.Id)).Type);
        Assert.Empty(platform.Posts(channel, text));
        Assert.Equal(platform.SendsAfterRevoke, platform.Sends(channel, text));
    }

    [Fact]
    public async Task A_refusal_fails_only_this_channel_while_the_posts_telegram_channel_publishes()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var channel = await platform.ConnectAsync(user);
        var telegram = await fixture.ConnectAsync(user);
        var text = Publishers.Unique("Everywhere");
        fixture.Emulator.Inject("POST", platform.CreatePath(channel), platform.Refusal);

        var postId = await CreatePostAsync(user, platform.Content(channel, text), channel.Channel.Id, telegram.Channel.Id);
        await fixture.RunAsync(postId);

        var refused = await TargetAsync(postId, channel);
        Assert.Equal(PostTargetStatus.Failed, refused.Status);
        Assert.Equal(ProviderErrorKind.Rejected, refused.LastErrorKind);
        Assert.Empty(platform.Posts(channel, text));
        Assert.Equal(WebhookEventTypes.PostFailed, Assert.Single(await fixture.EventsAsync(refused.Id)).Type);
        Assert.Equal(PostTargetStatus.Published, (await fixture.TargetAsync(postId, telegram)).Status);
        Assert.Equal(text, Assert.Single(telegram.Chat.Messages).Text);
    }
}
