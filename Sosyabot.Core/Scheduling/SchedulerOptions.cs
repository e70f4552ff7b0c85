namespace Sosyabot.Core.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";
    public bool Enabled { get; set; } = true;
    public TimeSpan PurgeOAuthStatesInterval { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan PurgeMediaInterval { get; set; } = TimeSpan.FromHours(1);
}
