namespace Sosyabot.Core.Publishing;

// This process's name on a lease: unique per start, so a restarted node never takes an old lease for its own.
public sealed record PublishingNode(string Id)
{
    public static PublishingNode ForThisProcess()
    {
        var id = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return new(id.Length <= 200 ? id : id[^200..]);
    }
}
