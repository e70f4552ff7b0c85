using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Scheduling.Jobs;

namespace Sosyabot.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddSosyabotScheduler(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddSingleton<SchedulerHeartbeat>();
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(connectionString);
                s.UseSystemTextJsonSerializer();
                // Several app instances share one store; each trigger firing runs on one node.
                s.UseClustering();
                s.ProvisionSchema();
            });
            q.AddJob<PurgeExpiredOAuthStatesJob>(j => j.WithIdentity(PurgeExpiredOAuthStatesJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(PurgeExpiredOAuthStatesJob.Key)
                .WithIdentity("purge-expired-oauth-states-trigger")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.PurgeOAuthStatesInterval).RepeatForever()
                    // After downtime: one run, not a catch-up burst.
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddPublishingJobs(configuration);
        });
        if (options.Enabled)
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
