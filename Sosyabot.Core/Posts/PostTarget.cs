namespace Sosyabot.Core.Posts;

public class PostTarget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PostId { get; set; }
    // Null once the channel is disconnected: the row stays as history of what was published.
    public Guid? ChannelId { get; set; }
    public required string Platform { get; set; }
    public string? OverrideText { get; set; }
    public PostTargetStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? PlatformPostId { get; set; }
    public string? PlatformPostUrl { get; set; }
    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Post? Post { get; set; }
}
