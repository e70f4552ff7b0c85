namespace Sosyabot.Core.Posts;

public enum PostTargetStatus
{
    Scheduled,
    Publishing,
    Published,
    Failed,
    // The request may have reached the platform but no answer was recorded: never retried blindly.
    Unknown,
    Cancelled,
}
