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
        // Consumed rows of failed flows stay until they expire: they carry the error shown to the user
        // and make a replayed callback read as "already used".
        await db.OAuthStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        heartbeat.Beat(now);
    }
}
