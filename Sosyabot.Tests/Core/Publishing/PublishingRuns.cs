using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

// The engine run the way the Quartz jobs run it, and what it recorded, for every platform's engine tests.
public static class PublishingRuns
{
    public static PublishingEngine Engine(this PublishingFixture fixture) => fixture.Services.GetRequiredService<PublishingEngine>();

    public static Task<int> RunAsync(this PublishingFixture fixture, Guid postId) => fixture.Engine().RunAsync(postId, CancellationToken.None);

    public static Task<List<PostTarget>> TargetsAsync(this PublishingFixture fixture, Guid postId) =>
        fixture.Query(db => db.PostTargets.AsNoTracking().Where(t => t.PostId == postId).OrderBy(t => t.Id).ToListAsync());

    public static Task<PostTarget> TargetAsync(this PublishingFixture fixture, Guid postId, Guid channelId) =>
        fixture.Query(db => db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId && t.ChannelId == channelId));

    // The post.* events about one target.
    public static Task<List<WebhookEvent>> EventsAsync(this PublishingFixture fixture, Guid targetId) =>
        fixture.Query(async db => (await db.WebhookEvents.AsNoTracking().Where(e => e.Type.StartsWith("post.")).ToListAsync())
            .Where(e => e.Payload["target_id"]?.GetValue<string>() == targetId.ToString()).ToList());
}
