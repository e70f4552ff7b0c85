using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Data;

namespace Sosyabot.Core.Media;

public sealed partial class MediaCleanupService(
    SosyabotDbContext db, IMediaStorage storage, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaCleanupService> logger)
{
    private const int BatchSize = 100;

    // Removes uploads no post took within the retention period. Each row goes in a guarded delete
    // (still unused), so a post attaching it at the same moment keeps it; files go after their row.
    public async Task<int> PurgeUnattachedAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.UnattachedRetention;
        var removed = 0;
        while (true)
        {
            var batch = await db.MediaItems.AsNoTracking()
                .Where(m => m.PostCount == 0 && m.CreatedAt < cutoff)
                .OrderBy(m => m.CreatedAt).Take(BatchSize)
                .Select(m => new { m.Id, m.StorageKey, m.ThumbnailKey, Variants = m.Variants.Select(v => v.StorageKey).ToList() })
                .ToListAsync(ct);
            var deletedInBatch = 0;
            foreach (var item in batch)
            {
                var deleted = await db.MediaItems.Where(m => m.Id == item.Id && m.PostCount == 0).ExecuteDeleteAsync(ct);
                if (deleted == 0) continue;
                deletedInBatch++;
                foreach (var key in item.Variants.Append(item.StorageKey).Append(item.ThumbnailKey).OfType<string>())
                    await DeleteFileAsync(key, ct);
            }
            removed += deletedInBatch;
            if (batch.Count < BatchSize || deletedInBatch == 0) return removed;
        }
    }

    // A file that is already gone (another node's run, a manual clean-up) is what we wanted anyway.
    private async Task DeleteFileAsync(string key, CancellationToken ct)
    {
        try
        {
            await storage.DeleteAsync(key, ct);
        }
        catch (IOException e)
        {
            LogDeleteFailed(key, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete media file {Key}; it is left on disk")]
    private partial void LogDeleteFailed(string key, Exception e);
}
