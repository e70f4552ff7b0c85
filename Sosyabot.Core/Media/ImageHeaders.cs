using System.Buffers.Binary;

namespace Sosyabot.Core.Media;

// PNG, GIF and WebP keep their size at fixed offsets near the start.
internal static class ImageHeaders
{
    public static MediaDimensions Read(MediaFormat format, ReadOnlySpan<byte> head)
    {
        try
        {
            if (format == MediaFormat.Png) // IHDR is the first chunk: width, height as 32-bit big-endian.
                return new((int)BinaryPrimitives.ReadUInt32BigEndian(head[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(head[20..]));
            if (format == MediaFormat.Gif) // Logical screen descriptor, 16-bit little-endian.
                return new(BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]));
            if (format == MediaFormat.WebP) return WebP(head);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A header cut short: the file is not what its first bytes said; its size stays unknown.
        }
        return MediaDimensions.Unknown;
    }

    // https://developers.google.com/speed/webp/docs/riff_container
    private static MediaDimensions WebP(ReadOnlySpan<byte> head)
    {
        var chunk = System.Text.Encoding.ASCII.GetString(head.Slice(12, 4));
        return chunk switch
        {
            // Lossy: a VP8 key frame, after its 3-byte tag and the start code 9D 01 2A; 14 bits each.
            "VP8 " when head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A =>
                new(BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF),
            // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each.
            "VP8L" when head[20] == 0x2F => Lossless(BinaryPrimitives.ReadUInt32LittleEndian(head[21..])),
            // Extended: canvas width-1 and height-1 as 24-bit little-endian.
            "VP8X" => new(UInt24(head[24..]) + 1, UInt24(head[27..]) + 1),
            _ => MediaDimensions.Unknown,
        };
    }

    private static MediaDimensions Lossless(uint bits) => new((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);

    private static int UInt24(ReadOnlySpan<byte> b) => b[0] | b[1] << 8 | b[2] << 16;
}
