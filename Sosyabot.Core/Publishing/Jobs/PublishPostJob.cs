using Quartz;

namespace Sosyabot.Core.Publishing.Jobs;

// Wakes the engine for one post at its due time. Not DisallowConcurrentExecution (that would
// serialize every post behind one job key) and never RequestRecovery: the claim decides what runs.
public sealed class PublishPostJob(PublishingEngine engine, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("publish-post", PublishTriggers.Group);
    public const string PostIdKey = "postId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(PostIdKey), out var postId)) return;
        // Fetched up to Scheduler:FireAhead early with a batch of triggers; the claim takes only what is due.
        if (context.ScheduledFireTimeUtc - clock.GetUtcNow() is { Ticks: > 0 } early)
            await Task.Delay(early, clock, ct);
        await engine.RunAsync(postId, ct);
    }
}
