using Microsoft.Extensions.Logging;
using Quartz;

namespace Sosyabot.Core.Publishing.Jobs;

// One trigger per scheduled post, at its due time, in the clustered store: one node fires it and
// wakes the engine for that post. Rescheduling replaces it. The trigger is only a wake-up call: if
// it is lost (or the store is unreachable) the sweep still publishes the post a few seconds later.
public sealed partial class PublishTriggers(ISchedulerFactory schedulers, ILogger<PublishTriggers> logger)
{
    public const string Group = "publishing";

    public static TriggerKey KeyOf(Guid postId) => new($"post-{postId:N}", Group);

    public async Task ScheduleAsync(Guid postId, DateTimeOffset dueAt, CancellationToken ct)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(KeyOf(postId))
            .ForJob(PublishPostJob.Key)
            .UsingJobData(PublishPostJob.PostIdKey, postId.ToString())
            .StartAt(dueAt)
            // Late is for the engine to judge (lateness window), so a misfired trigger fires at once.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, ct);
        }
        catch (SchedulerException e)
        {
            LogTriggerFailed(e, postId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "No trigger could be stored for post {PostId}; the publishing sweep will pick it up")]
    private partial void LogTriggerFailed(Exception exception, Guid postId);
}
