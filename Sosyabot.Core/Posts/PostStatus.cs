namespace Sosyabot.Core.Posts;

// The post as a whole, derived from its targets (PostStatuses.Of) whenever one of them settles.
public enum PostStatus
{
    Draft,
    Scheduled,
    Publishing,
    Published,
    Partial,
    Failed,
    Cancelled,
}
