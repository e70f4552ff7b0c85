using System.Buffers.Binary;

namespace Sosyabot.Core.Media;

// ISO BMFF (MP4 and QuickTime share it): boxes of size + type. The movie header (mvhd) has the
// duration, the first track header (tkhd) with a size is the video track's. moov may sit at the end
// of the file, so boxes are skipped by size, never read whole (mdat can be the whole file).
internal static class Mp4Headers
{
    private const int MaxTrackHeader = 128;

    public static async Task<MediaDimensions> ReadAsync(Stream file, CancellationToken ct)
    {
        var found = new Found();
        try
        {
            await WalkAsync(file, 0, file.Length, found, ct);
        }
        catch (EndOfStreamException)
        {
            // A truncated box: keep what was found before it.
        }
        return new(found.Width, found.Height, found.Duration);
    }

    private sealed class Found
    {
        public int? Width;
        public int? Height;
        public TimeSpan? Duration;
    }

    private static async Task WalkAsync(Stream file, long start, long end, Found found, CancellationToken ct)
    {
        var header = new byte[16];
        var position = start;
        while (position + 8 <= end && found.Width is null)
        {
            file.Position = position;
            await file.ReadExactlyAsync(header.AsMemory(0, 8), ct);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            var headerLength = 8;
            if (size == 1)
            {
                await file.ReadExactlyAsync(header.AsMemory(8, 8), ct);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerLength = 16;
            }
            else if (size == 0) size = end - position; // runs to the end of its container
            if (size < headerLength || position + size > end) return;

            var body = position + headerLength;
            var bodyLength = size - headerLength;
            if (type is "moov" or "trak") await WalkAsync(file, body, position + size, found, ct);
            else if (type == "mvhd" && bodyLength >= 32) found.Duration = await MovieDurationAsync(file, bodyLength, ct);
            else if (type == "tkhd" && bodyLength is >= 84 and <= MaxTrackHeader) await TrackSizeAsync(file, (int)bodyLength, found, ct);
            position += size;
        }
    }

    private static async Task<TimeSpan?> MovieDurationAsync(Stream file, long bodyLength, CancellationToken ct)
    {
        var b = new byte[Math.Min(bodyLength, 32)];
        await file.ReadExactlyAsync(b, ct);
        // Version 0: 32-bit times, timescale at 12, duration at 16; version 1: 64-bit, at 20 and 24.
        var (timescale, duration) = b[0] == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20)), BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(24)))
            : (BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12)), BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16)));
        return timescale == 0 || duration == uint.MaxValue ? null : TimeSpan.FromSeconds((double)duration / timescale);
    }

    private static async Task TrackSizeAsync(Stream file, int bodyLength, Found found, CancellationToken ct)
    {
        var b = new byte[bodyLength];
        await file.ReadExactlyAsync(b, ct);
        // Width and height close the box as 16.16 fixed-point; audio tracks have zeros.
        var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(bodyLength - 8)) >> 16);
        var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(bodyLength - 4)) >> 16);
        if (width > 0 && height > 0) (found.Width, found.Height) = (width, height);
    }
}
