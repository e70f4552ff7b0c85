using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Media;

public sealed class MediaVariantService(SosyabotDbContext db, IMediaStorage storage)
{
    // The file to send to a platform that takes at most maxBytes: the original when it fits, else a
    // JPEG re-encoded once and kept (the original stays untouched for platforms that take it whole).
    public async Task<MediaFile> GetVariantAsync(MediaItem item, long maxBytes, CancellationToken ct = default)
    {
        if (item.Length <= maxBytes) return MediaFile.Original(item);
        var existing = await FindAsync(item.Id, maxBytes, ct);
        if (existing is not null) return MediaFile.Of(existing);
        if (item.Kind == MediaKind.Video)
            throw new InvalidRequestException($"This video is {item.Length / 1_000_000.0:0.#} MB and the platform takes at most {maxBytes / 1_000_000.0:0.#} MB; upload a shorter or smaller video.");

        MediaImages.Encoded? encoded;
        await using (var original = await storage.OpenAsync(item.StorageKey, ct))
            encoded = MediaImages.FitWithin(original, maxBytes);
        if (encoded is null)
            throw new InvalidRequestException($"This image cannot be made smaller than {maxBytes / 1_000_000.0:0.#} MB; upload a smaller one.");

        using var bytes = new MemoryStream(encoded.Bytes, writable: false);
        var stored = await storage.SaveAsync(MediaStorageKeys.New(item.WorkspaceId, MediaFormat.Jpeg.Extension), bytes, maxBytes, ct);
        var variant = new MediaVariant
        {
            MediaItemId = item.Id,
            MaxBytes = maxBytes,
            ContentType = MediaFormat.Jpeg.ContentType,
            StorageKey = stored.Key,
            Length = stored.Length,
            Width = encoded.Width,
            Height = encoded.Height,
        };
        db.Set<MediaVariant>().Add(variant);
        try
        {
            await db.SaveChangesAsync(ct);
            return MediaFile.Of(variant);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another node made the same variant at the same moment: keep its copy, drop ours.
            db.Entry(variant).State = EntityState.Detached;
            await storage.DeleteAsync(stored.Key, CancellationToken.None);
            return MediaFile.Of((await FindAsync(item.Id, maxBytes, ct))!);
        }
    }

    private Task<MediaVariant?> FindAsync(Guid mediaId, long maxBytes, CancellationToken ct) =>
        db.Set<MediaVariant>().AsNoTracking().SingleOrDefaultAsync(v => v.MediaItemId == mediaId && v.MaxBytes == maxBytes, ct);
}
