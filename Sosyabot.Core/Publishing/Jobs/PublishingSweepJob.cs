using Quartz;
using Sosyabot.Core.Scheduling;

namespace Sosyabot.Core.Publishing.Jobs;

// Every few seconds: expired leases, lateness, Unknowns to resolve, and anything due that no trigger
// woke. Safe on several nodes at once (every step is a claim); DisallowConcurrentExecution only
// saves a node from overlapping itself.
[DisallowConcurrentExecution]
public sealed class PublishingSweepJob(PublishingEngine engine, SchedulerHeartbeat heartbeat, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("publishing-sweep", PublishTriggers.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await engine.SweepAsync(ct);
        heartbeat.Beat(clock.GetUtcNow());
    }
}
