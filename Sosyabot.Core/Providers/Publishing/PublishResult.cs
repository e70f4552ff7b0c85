namespace Sosyabot.Core.Providers.Publishing;

public abstract record PublishResult;

// The post exists. Ref is what a reply to it needs when that is more than the id (Bluesky's cid).
public sealed record PublishedPost(string PlatformPostId, string? Url, string? Ref = null) : PublishResult;

// The platform took it and is still working (media processing, a container): ask the status
// checker after CheckAfter. StatusHandle is whatever that check needs (a media id, a container id).
public sealed record PendingPublish(string StatusHandle, TimeSpan CheckAfter) : PublishResult;
