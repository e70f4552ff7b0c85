using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Media;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Core.Media;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// What a scripted platform shows better than a real one: the attempt's start handed to the resolver,
// an Unknown no platform can settle yet, Pending, the retry limit and media from the store. The
// faults real platforms show are in PublishingEngine<Platform>Tests.
public class PublishingOutcomeTests(PublishingOutcomeTests.Fixture fixture) : IClassFixture<PublishingOutcomeTests.Fixture>
{
    public sealed class Fixture : PublishingFixture
    {
        public ScriptedPlatform Platform { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddScoped<ISocialProvider>(_ => Platform);
        }
    }

    private ScriptedPlatform Platform => fixture.Platform;

    private async Task<Guid> PostAsync(PostContent? content = null)
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var channel = await fixture.Query(db => db.AddChannelAsync(user.WorkspaceId, ScriptedPlatform.Key));
        return await fixture.Run<PostService, Guid>(s => s.CreateAsync(user.Id, user.WorkspaceId, content ?? PostContent.Text("Scripted"), [channel.Id], PostSchedule.Now));
    }

    private async Task<PostTarget> TargetAsync(Guid postId) =>
        await fixture.Query(db => db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId));

    private async Task<List<string>> EventTypesAsync(Guid postId) =>
        (await fixture.EventsAsync((await TargetAsync(postId)).Id)).OrderBy(e => e.CreatedAt).Select(e => e.Type).ToList();

    private Task SweepAsync() => fixture.Engine().SweepAsync(CancellationToken.None);

    private static PublishResult Throw(ProviderErrorKind kind) => throw new ProviderException(kind, $"Scripted {kind}.");

    [Fact]
    public async Task An_unknown_the_platform_finds_is_published_with_that_post_and_not_sent_again()
    {
        Platform.OnPublish(_ => Throw(ProviderErrorKind.Unknown));
        var found = Platform.NewPost();
        Platform.OnFind(_ => found);
        var postId = await PostAsync();

        await fixture.RunAsync(postId);
        Assert.Equal(PostTargetStatus.Unknown, (await TargetAsync(postId)).Status);
        await SweepAsync();

        var saved = await TargetAsync(postId);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        Assert.Equal(found.PlatformPostId, saved.PlatformPostId);
        Assert.Single(Platform.Published, r => r.IdempotencyKey.StartsWith(saved.IdempotencyKey.ToString("N")));
        Assert.Equal(saved.AttemptStartedAt, Platform.Finds.Last().StartedAt);
        Assert.Equal([WebhookEventTypes.PostUnknown, WebhookEventTypes.PostPublished], await EventTypesAsync(postId));
    }

    [Fact]
    public async Task An_unknown_the_platform_cannot_settle_stays_unknown_and_is_asked_again_later()
    {
        Platform.OnPublish(_ => Throw(ProviderErrorKind.Unknown));
        Platform.OnFind(_ => throw new ProviderException(ProviderErrorKind.Transient, "Scripted is down."));
        var postId = await PostAsync();

        await fixture.RunAsync(postId);
        await SweepAsync();
        var finds = Platform.Finds.Count;
        await SweepAsync();

        var saved = await TargetAsync(postId);
        Assert.Equal(PostTargetStatus.Unknown, saved.Status);
        Assert.Null(saved.LeaseOwner);
        Assert.True(saved.NextAttemptAt > fixture.Clock.GetUtcNow());
        // Not asked again before the resolve interval.
        Assert.Equal(finds, Platform.Finds.Count);
        Assert.Equal([WebhookEventTypes.PostUnknown], await EventTypesAsync(postId));
    }

    [Fact]
    public async Task A_pending_post_waits_without_a_lease_and_is_published_once_its_status_says_so()
    {
        Platform.OnPublish(_ => new PendingPublish("media-42", TimeSpan.FromSeconds(30)));
        var postId = await PostAsync();

        await fixture.RunAsync(postId);
        var waiting = await TargetAsync(postId);
        Assert.Equal(PostTargetStatus.Waiting, waiting.Status);
        Assert.Equal("media-42", waiting.PendingHandle);
        Assert.Null(waiting.LeaseOwner);

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await fixture.RunAsync(postId);

        var saved = await TargetAsync(postId);
        Assert.Equal(PostTargetStatus.Published, saved.Status);
        Assert.Equal(1, saved.Attempts);
        Assert.Contains("media-42", Platform.Checks);
        Assert.Equal([WebhookEventTypes.PostPublished], await EventTypesAsync(postId));
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_growing_delays_and_fail_after_five_attempts()
    {
        for (var i = 0; i < 5; i++) Platform.OnPublish(_ => Throw(ProviderErrorKind.Transient));
        var postId = await PostAsync();

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await fixture.RunAsync(postId);
            var target = await TargetAsync(postId);
            Assert.Equal(attempt, target.Attempts);
            if (target.NextAttemptAt is { } next)
            {
                delays.Add(next - fixture.Clock.GetUtcNow());
                fixture.Clock.Advance(next - fixture.Clock.GetUtcNow() + TimeSpan.FromMilliseconds(1));
            }
        }

        var saved = await TargetAsync(postId);
        Assert.Equal(PostTargetStatus.Failed, saved.Status);
        Assert.Contains("Gave up after 5 attempts", saved.LastError);
        Assert.Equal(4, delays.Count);
        // RetryBase 2 s: each delay within [base·2^(n-1)/2, base·2^(n-1)].
        for (var i = 0; i < delays.Count; i++)
            Assert.InRange(delays[i].TotalSeconds, Math.Pow(2, i) - 0.01, 2 * Math.Pow(2, i) + 0.01);
        Assert.Equal([WebhookEventTypes.PostFailed], await EventTypesAsync(postId));
    }

    [Fact]
    public async Task Uploaded_images_reach_the_platform_as_streams_with_their_alt_text_and_stay_while_the_post_uses_them()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var png = TestMedia.Png(64, 48);
        var upload = await fixture.Run<MediaUploadService, MediaItem>(s => s.UploadAsync(user.Id, user.WorkspaceId, new MemoryStream(png), "cat.png", CancellationToken.None));
        var channel = await fixture.Query(db => db.AddChannelAsync(user.WorkspaceId, ScriptedPlatform.Key));
        var postId = await fixture.Run<PostService, Guid>(s => s.CreateAsync(user.Id, user.WorkspaceId,
            new PostContent([new PostPart("With a picture", [new MediaRef(upload.Id, "A cat")])]), [channel.Id], PostSchedule.Now));

        await fixture.RunAsync(postId);

        Assert.Equal(PostTargetStatus.Published, (await TargetAsync(postId)).Status);
        var sent = Assert.Single(Assert.Single(Platform.Published, r => r.Part.Text == "With a picture").Part.Media);
        Assert.Equal(("image/png", "A cat", 64, 48, (long)png.Length), (sent.ContentType, sent.AltText, sent.Width, sent.Height, sent.Length));
        await using var stream = await sent.OpenAsync(CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(png, copy.ToArray());
        Assert.Equal(1, await fixture.Query(db => db.MediaItems.Where(m => m.Id == upload.Id).Select(m => m.PostCount).SingleAsync()));
    }

    [Fact]
    public async Task A_post_naming_media_that_is_gone_is_refused_when_scheduled_and_nothing_is_sent()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var channel = await fixture.Query(db => db.AddChannelAsync(user.WorkspaceId, ScriptedPlatform.Key));

        var refused = await Assert.ThrowsAsync<PostProblemsException>(() => fixture.Run<PostService, Guid>(s => s.CreateAsync(user.Id, user.WorkspaceId,
            new PostContent([new PostPart("Gone", [new MediaRef(Guid.NewGuid(), null)])]), [channel.Id], PostSchedule.Now)));

        Assert.Equal("Media 1 is no longer in the media library; remove it from the post or upload it again.", Assert.Single(refused.Problems).Message);
        Assert.DoesNotContain(Platform.Published, r => r.Part.Text == "Gone");
    }
}
