namespace Sosyabot.Core.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";
    public bool Enabled { get; set; } = true;
    public TimeSpan PurgeOAuthStatesInterval { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan PurgeMediaInterval { get; set; } = TimeSpan.FromHours(1);
    // Jobs run at once on this node. Each publishing job may hold Publishing:Concurrency database
    // connections, so this times that stays under the connection pool (Npgsql's default is 100).
    public int ThreadPoolSize { get; set; } = 16;
    // Triggers due this soon are fetched in one round with the first: one round of the cluster lock
    // for a second of posts, not one per post. A publishing job fetched early waits for its due time.
    public TimeSpan FireAhead { get; set; } = TimeSpan.FromSeconds(1);
}
