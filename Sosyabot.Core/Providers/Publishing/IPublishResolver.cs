namespace Sosyabot.Core.Providers.Publishing;

// Settles an Unknown: did the attempt that started at attemptStartedAt reach the platform? Returns
// the post when it is there, null when the platform proves it is not (then the engine may publish
// again), and throws ProviderException when it cannot tell yet. A platform that cannot read back
// (Telegram) does not implement this: its Unknowns wait for the user.
public interface IPublishResolver
{
    Task<PublishedPost?> FindAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct);
}
