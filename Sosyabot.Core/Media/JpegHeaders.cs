namespace Sosyabot.Core.Media;

// A JPEG's size is in its start-of-frame segment, after any number of APPn segments (EXIF can be
// 64 KB), so the segments are walked by their lengths rather than searched in a fixed prefix.
// A phone photo stored sideways with an EXIF orientation of 5 to 8 is reported upright (width and
// height swapped), as viewers and the re-encoded copies show it.
internal static class JpegHeaders
{
    public static async Task<MediaDimensions> ReadAsync(Stream file, CancellationToken ct)
    {
        var buffer = new byte[9];
        var upright = false;
        file.Position = 2;
        while (file.Position + 4 <= file.Length)
        {
            await file.ReadExactlyAsync(buffer.AsMemory(0, 2), ct);
            if (buffer[0] != 0xFF) return MediaDimensions.Unknown;
            var marker = buffer[1];
            if (marker == 0xFF) { file.Position--; continue; } // fill byte
            if (marker is 0x01 or >= 0xD0 and <= 0xD8) continue; // standalone markers have no length
            if (marker is 0xD9 or 0xDA) return MediaDimensions.Unknown; // end of image, or scan data before any frame
            await file.ReadExactlyAsync(buffer.AsMemory(0, 2), ct);
            var length = buffer[0] << 8 | buffer[1];
            if (length < 2) return MediaDimensions.Unknown;
            // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (file.Position + 5 > file.Length) return MediaDimensions.Unknown;
                await file.ReadExactlyAsync(buffer.AsMemory(0, 5), ct);
                var (width, height) = (buffer[3] << 8 | buffer[4], buffer[1] << 8 | buffer[2]);
                return upright ? new(height, width) : new(width, height);
            }
            if (marker == 0xE1 && file.Position + length - 2 <= file.Length)
            {
                var segment = new byte[length - 2];
                await file.ReadExactlyAsync(segment, ct);
                upright |= ExifOrientation.SwapsSides(segment);
                continue;
            }
            file.Position += length - 2;
        }
        return MediaDimensions.Unknown;
    }
}
