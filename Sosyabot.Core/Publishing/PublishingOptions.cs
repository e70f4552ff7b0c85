namespace Sosyabot.Core.Publishing;

public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    // How long a claim holds a target. A node silent for longer is presumed dead: its targets become Unknown.
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(30);
    // A token expiring sooner than this is refreshed before sending.
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
    // How often an Unknown is asked about again while its platform cannot tell yet.
    public TimeSpan ResolveInterval { get; set; } = TimeSpan.FromMinutes(1);
    // Targets published at the same time by one node (each on a different channel).
    public int Concurrency { get; set; } = 4;
    // Overrides of PublishPacing, by platform key.
    public Dictionary<string, TimeSpan> Pacing { get; set; } = [];
}
