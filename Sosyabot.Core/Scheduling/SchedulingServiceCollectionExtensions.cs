using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sosyabot.Core.Media.Jobs;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Publishing.Jobs;
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
            q.UseDefaultThreadPool(options.ThreadPoolSize);
            q.ConfigureScheduler(s => s.BatchTriggerAcquisitionFireAheadTimeWindow = options.FireAhead);
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(connectionString);
                s.UseSystemTextJsonSerializer();
                // Several app instances share one store; each trigger firing runs on one node.
                s.UseClustering();
                s.ProvisionSchema();
            });
            q.AddRepeatingJob<PurgeExpiredOAuthStatesJob>(PurgeExpiredOAuthStatesJob.Key, options.PurgeOAuthStatesInterval);
            q.AddRepeatingJob<PurgeUnattachedMediaJob>(PurgeUnattachedMediaJob.Key, options.PurgeMediaInterval);
            q.AddPublishingJobs();
        });
        if (options.Enabled)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<PublishingSweeper>();
        }
        return services;
    }

    private static void AddRepeatingJob<TJob>(this IQuartzBuilder q, JobKey key, TimeSpan interval) where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
        q.AddTrigger(t => t
            .ForJob(key)
            .WithIdentity($"{key.Name}-trigger")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()
                // After downtime: one run, not a catch-up burst.
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
