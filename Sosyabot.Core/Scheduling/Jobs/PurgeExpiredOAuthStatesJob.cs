using Microsoft.EntityFrameworkCore;
using Quartz;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Scheduling.Jobs;

// Deletes authorization requests nobody finished. Safe to run on several nodes at once.
[DisallowConcurrentExecution]
public sealed class PurgeExpiredOAuthStatesJob(SosyabotDbContext db, TimeProvider clock, SchedulerHeartbeat heartbeat) : IJob
{
    public static readonly JobKey Key = new("purge-expired-oauth-states");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.OAuthStates.Where(s => s.ExpiresAt < now || s.ConsumedAt != null).ExecuteDeleteAsync(ct);
        heartbeat.Beat(now);
    }
}
