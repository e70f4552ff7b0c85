using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Media;

// What the post service calls when a post starts or stops using uploads. Counted, not flagged, so
// media shared by two posts stays until both let go.
public sealed class MediaService(SosyabotDbContext db)
{
    public Task<MediaItem?> FindAsync(Guid workspaceId, Guid mediaId, CancellationToken ct = default) =>
        db.MediaItems.Include(m => m.Variants).SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.Id == mediaId, ct);

    // Call once per post, inside the post's own transaction if it has one. A cleanup that ran first
    // leaves fewer rows to update: that is reported, never silently posted without the image.
    public async Task AttachAsync(Guid workspaceId, IReadOnlyCollection<Guid> mediaIds, CancellationToken ct = default)
    {
        var ids = mediaIds.Distinct().ToList();
        var updated = await db.MediaItems
            .Where(m => m.WorkspaceId == workspaceId && ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PostCount, m => m.PostCount + 1), ct);
        if (updated != ids.Count)
            throw new InvalidRequestException("One of the media files is no longer available; upload it again.");
    }

    public async Task ReleaseAsync(Guid workspaceId, IReadOnlyCollection<Guid> mediaIds, CancellationToken ct = default)
    {
        var ids = mediaIds.Distinct().ToList();
        await db.MediaItems
            .Where(m => m.WorkspaceId == workspaceId && ids.Contains(m.Id) && m.PostCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PostCount, m => m.PostCount - 1), ct);
    }
}
