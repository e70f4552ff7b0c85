namespace Sosyabot.Core.Posts;

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
