using Sosyabot.Core.Providers;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;

namespace Sosyabot.Tests.TestSupport;

// Rows inserted directly, for tests about what happens to existing channels and posts.
public static class ChannelBuilder
{
    public static async Task<Channel> AddChannelAsync(this SosyabotDbContext db, Guid workspaceId, string platform = "reddit",
        bool isDefault = false, DateTimeOffset? connectedAt = null)
    {
        var channel = new Channel
        {
            WorkspaceId = workspaceId,
            Platform = platform,
            Pid = Guid.NewGuid().ToString("N"),
            DisplayName = $"{platform} account",
            LoginType = LoginType.OAuth,
            IsDefault = isDefault,
            ConnectedAt = connectedAt ?? DateTimeOffset.UtcNow,
        };
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }

    public static async Task<Post> AddScheduledPostAsync(this SosyabotDbContext db, Guid workspaceId, params Channel[] targets)
    {
        var now = DateTimeOffset.UtcNow;
        var post = new Post { WorkspaceId = workspaceId, Parts = [PostPart.Of("hello")], Status = PostStatus.Scheduled, ScheduledAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now };
        foreach (var channel in targets)
            post.Targets.Add(new PostTarget { ChannelId = channel.Id, Platform = channel.Platform, Status = PostTargetStatus.Scheduled, DueAt = post.ScheduledAt, UpdatedAt = now });
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }
}
