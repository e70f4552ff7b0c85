using Quartz;

namespace Sosyabot.Core.Media.Jobs;

// Safe on several nodes at once: each deletion is guarded in the database.
[DisallowConcurrentExecution]
public sealed class PurgeUnattachedMediaJob(MediaCleanupService cleanup) : IJob
{
    public static readonly JobKey Key = new("purge-unattached-media");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await cleanup.PurgeUnattachedAsync(ct);
}
