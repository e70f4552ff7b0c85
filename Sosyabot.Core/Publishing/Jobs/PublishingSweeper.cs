using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Sosyabot.Core.Scheduling;

namespace Sosyabot.Core.Publishing.Jobs;

// Every few seconds on every node: expired leases, lateness, Unknowns to resolve, and anything due that
// no trigger woke. Each step is a claim, so nodes sweep side by side safely. A timer per node rather
// than a clustered Quartz trigger: that ran on one node at a time, which then drained the whole backlog
// while the other nodes idled (seen with two processes: one recorded every target).
public sealed partial class PublishingSweeper(PublishingEngine engine, ISchedulerFactory schedulers, SchedulerHeartbeat heartbeat,
    IOptions<PublishingOptions> options, TimeProvider clock, ILogger<PublishingSweeper> logger) : BackgroundService
{
    // The clustered job this replaces; a store that still holds it would fire a job class that is gone.
    private static readonly JobKey RetiredSweepJob = new("publishing-sweep", PublishTriggers.Group);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await (await schedulers.GetScheduler(ct)).DeleteJob(RetiredSweepJob, ct);
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await engine.SweepAsync(ct);
                heartbeat.Beat(clock.GetUtcNow());
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The database away for a moment must not end the sweeps for the life of the process.
                LogSweepFailed(e);
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    [LoggerMessage(LogLevel.Error, "A publishing sweep failed; the next one runs as scheduled")]
    private partial void LogSweepFailed(Exception exception);
}
