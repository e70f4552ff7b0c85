using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using Sosyabot.Core.Scheduling;

namespace Sosyabot.Web.Infrastructure;

public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, SchedulerHeartbeat heartbeat) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var status = await scheduler.GetStatus(ct);
        if (status != SchedulerStatus.Running)
            return HealthCheckResult.Unhealthy($"The job scheduler is {status}, not running.");
        var last = heartbeat.LastBeat is { } beat ? $" Last job completed at {beat:O}." : " No job has completed on this node yet.";
        return HealthCheckResult.Healthy($"Scheduler {await scheduler.GetSchedulerInstanceId(ct)} is running.{last}");
    }
}
