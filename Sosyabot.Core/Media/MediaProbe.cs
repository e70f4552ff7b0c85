using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Media;

// Dimensions from the headers alone, without decoding pixels: cheap for a 500 MB video, and it works
// for formats the image library may not read. A header we cannot read leaves them unknown.
public static class MediaProbe
{
    public static async Task<MediaDimensions> ReadAsync(MediaFormat format, Stream file, CancellationToken ct)
    {
        if (format.Kind == MediaKind.Video) return await Mp4Headers.ReadAsync(file, ct);
        var head = new byte[Math.Min(file.Length, 64)];
        await file.ReadExactlyAsync(head, ct);
        return format == MediaFormat.Jpeg ? await JpegHeaders.ReadAsync(file, ct) : ImageHeaders.Read(format, head);
    }
}
