using Quartz;

namespace Sosyabot.Core.Publishing.Jobs;

// Wakes the engine at a post's due time. Not DisallowConcurrentExecution (that would serialize every
// post behind one job key) and never RequestRecovery: the claim decides what runs. It publishes
// whatever is due, not only its own post: a target skipped because its channel was busy or paced
// would otherwise wait for the sweep, and in a burst the posts due together share the workers.
public sealed class PublishPostJob(PublishingEngine engine, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("publish-post", PublishTriggers.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // Fetched up to Scheduler:FireAhead early with a batch of triggers; the claim takes only what is due.
        if (context.ScheduledFireTimeUtc - clock.GetUtcNow() is { Ticks: > 0 } early)
            await Task.Delay(early, clock, ct);
        await engine.RunAsync(null, ct);
    }
}
