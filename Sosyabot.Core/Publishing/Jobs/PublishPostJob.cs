using Quartz;

namespace Sosyabot.Core.Publishing.Jobs;

// Wakes the engine for one post at its due time. Not DisallowConcurrentExecution (that would
// serialize every post behind one job key) and never RequestRecovery: the claim decides what runs.
public sealed class PublishPostJob(PublishingEngine engine) : IJob
{
    public static readonly JobKey Key = new("publish-post", PublishTriggers.Group);
    public const string PostIdKey = "postId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        if (Guid.TryParse(context.MergedJobDataMap.GetString(PostIdKey), out var postId))
            await engine.RunAsync(postId, ct);
    }
}
