namespace Sosyabot.Core.Scheduling;

// The last time this node completed a recurring job, shown by the health check.
public sealed class SchedulerHeartbeat
{
    private long _ticks;

    public DateTimeOffset? LastBeat => Interlocked.Read(ref _ticks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public void Beat(DateTimeOffset at) => Interlocked.Exchange(ref _ticks, at.UtcTicks);
}
