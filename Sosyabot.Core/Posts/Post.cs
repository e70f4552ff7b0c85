namespace Sosyabot.Core.Posts;

public class Post
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public PostStatus Status { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PostTarget> Targets { get; set; } = [];
}
