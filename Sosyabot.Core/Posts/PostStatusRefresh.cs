using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Posts;

public static class PostStatusRefresh
{
    // Re-derives a post's status after one of its targets moved, in the caller's transaction.
    public static async Task RefreshPostStatusAsync(this SosyabotDbContext db, Guid postId, CancellationToken ct)
    {
        var statuses = await db.PostTargets.Where(t => t.PostId == postId).Select(t => t.Status).ToListAsync(ct);
        var status = PostStatuses.Of(statuses);
        await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status), ct);
    }
}
