namespace Sosyabot.Core.Posts;

public enum PostTargetStatus
{
    Draft,
    Scheduled,
    // Claimed: a node holds the lease and may be talking to the platform right now.
    Publishing,
    // The platform is still processing a part (Pending): no lease; the status is asked at NextAttemptAt.
    Waiting,
    Published,
    Failed,
    // The request may have reached the platform but no answer was recorded: never retried blindly.
    Unknown,
    Cancelled,
    // Due longer ago than the workspace's lateness window and never attempted: not posted hours late.
    Missed,
}
