using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Posts;

// One post on one channel. Only the engine changes a claimed target (Publishing and later), and only
// while it holds the lease; PostService changes only unclaimed ones.
public class PostTarget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PostId { get; set; }
    // Null once the channel is disconnected: the row stays as history of what was published.
    public Guid? ChannelId { get; set; }
    public required string Platform { get; set; }
    // This channel's own parts and fields, replacing the post's when set.
    public List<PostPart>? OverrideParts { get; set; }
    public JsonObject? OverrideFields { get; set; }
    public PostTargetStatus Status { get; set; }
    // Copied from the post's schedule so the claim reads one table.
    public DateTimeOffset? DueAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? AttemptStartedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public ProviderErrorKind? LastErrorKind { get; set; }
    public string? LastError { get; set; }
    public string? PlatformPostId { get; set; }
    public string? PlatformPostUrl { get; set; }
    public List<PartProgress> Progress { get; set; } = [];
    // What the status checker needs while the platform processes the next part (Waiting).
    public string? PendingHandle { get; set; }
    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();
    public DateTimeOffset UpdatedAt { get; set; }
    public Post? Post { get; set; }
}
