using System.Text.Json.Nodes;

namespace Sosyabot.Core.Posts;

public class Post
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    // The base content: one part for a single post, several for a thread (each a reply to the one before).
    public List<PostPart> Parts { get; set; } = [];
    // Per platform key ("telegram", "reddit"): that platform's fields (silent, subreddit, title...).
    public JsonObject PlatformFields { get; set; } = [];
    // UTC; null while a draft. TimeZone is the IANA zone the user wrote the time in, to show it back.
    public DateTimeOffset? ScheduledAt { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public PostStatus Status { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PostTarget> Targets { get; set; } = [];
}
