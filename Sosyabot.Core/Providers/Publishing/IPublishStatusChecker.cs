namespace Sosyabot.Core.Providers.Publishing;

// For platforms that finish a publish asynchronously (media processing on X and Mastodon, containers
// on Meta, TikTok, YouTube): asked again after Pending.CheckAfter until it answers Published, or
// Pending again, or throws (Rejected when processing failed).
public interface IPublishStatusChecker
{
    Task<PublishResult> CheckAsync(PublishRequest request, PendingPublish pending, CancellationToken ct);
}
