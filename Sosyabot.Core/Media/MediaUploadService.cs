using Microsoft.Extensions.Options;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Media;

public sealed class MediaUploadService(
    SosyabotDbContext db, WorkspaceAccess access, IMediaStorage storage, IOptions<MediaOptions> options, TimeProvider clock)
{
    // Checks the role before reading a byte, detects the type from the first bytes, then streams the
    // rest to storage. Any failure after the file landed removes it again: no file without a row.
    public async Task<MediaItem> UploadAsync(Guid userId, Guid workspaceId, Stream content, string? fileName, CancellationToken ct)
    {
        await access.RequireAsync(userId, workspaceId, WorkspaceRole.Editor, ct);
        var head = new byte[MediaTypeDetector.HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (headLength == 0) throw new InvalidRequestException("The file is empty.");
        var format = MediaTypeDetector.Detect(head.AsSpan(0, headLength));

        var limit = options.Value.MaxBytes(format.Kind);
        StoredFile stored;
        try
        {
            stored = await storage.SaveAsync(MediaStorageKeys.New(workspaceId, format.Extension), new PrefixedStream(head.AsMemory(0, headLength), content), limit, ct);
        }
        catch (MediaTooLargeException)
        {
            throw new InvalidRequestException($"This {KindName(format.Kind)} is larger than {Megabytes(limit)}, the limit for {KindName(format.Kind)}s.");
        }

        string? thumbnailKey = null;
        try
        {
            var dimensions = await ProbeAsync(format, stored.Key, ct);
            if (format.Kind != MediaKind.Video && (long?)dimensions.Width * dimensions.Height > MediaImages.MaxPixels)
                throw new InvalidRequestException(
                    $"This image is {dimensions.Width} × {dimensions.Height} pixels; the limit is {MediaImages.MaxPixels / 1_000_000} megapixels.");
            thumbnailKey = await ThumbnailAsync(format, stored.Key, workspaceId, ct);
            var item = new MediaItem
            {
                WorkspaceId = workspaceId,
                Kind = format.Kind,
                ContentType = format.ContentType,
                Length = stored.Length,
                Width = dimensions.Width,
                Height = dimensions.Height,
                Duration = dimensions.Duration,
                FileName = MediaFileNames.Sanitise(fileName, format.Extension),
                StorageKey = stored.Key,
                Sha256 = stored.Sha256,
                ThumbnailKey = thumbnailKey,
                CreatedByUserId = userId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.MediaItems.Add(item);
            await db.SaveChangesAsync(ct);
            return item;
        }
        catch
        {
            await storage.DeleteAsync(stored.Key, CancellationToken.None);
            if (thumbnailKey is not null) await storage.DeleteAsync(thumbnailKey, CancellationToken.None);
            throw;
        }
    }

    private async Task<MediaDimensions> ProbeAsync(MediaFormat format, string key, CancellationToken ct)
    {
        await using var file = await storage.OpenAsync(key, ct);
        return await MediaProbe.ReadAsync(format, file, ct);
    }

    // Videos get none: extracting a frame needs a video decoder the app does not carry.
    private async Task<string?> ThumbnailAsync(MediaFormat format, string key, Guid workspaceId, CancellationToken ct)
    {
        if (format.Kind == MediaKind.Video) return null;
        MediaImages.Encoded? thumbnail;
        await using (var file = await storage.OpenAsync(key, ct))
            thumbnail = MediaImages.Thumbnail(file, options.Value.ThumbnailSize);
        if (thumbnail is null) throw new InvalidRequestException($"This file starts like a {format.Extension.ToUpperInvariant()} image but cannot be read as one.");
        using var bytes = new MemoryStream(thumbnail.Bytes, writable: false);
        return (await storage.SaveAsync(MediaStorageKeys.New(workspaceId, MediaFormat.Jpeg.Extension), bytes, thumbnail.Bytes.Length, ct)).Key;
    }

    private static string KindName(MediaKind kind) => kind switch { MediaKind.Gif => "GIF", MediaKind.Video => "video", _ => "image" };

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
