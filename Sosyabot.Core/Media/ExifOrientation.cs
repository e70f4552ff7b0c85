using System.Buffers.Binary;

namespace Sosyabot.Core.Media;

// Reads the orientation tag (0x0112) of IFD0 in a JPEG's APP1 "Exif" segment.
// https://www.cipa.jp/std/documents/e/DC-X008-Translation-2019-E.pdf (TIFF layout, tag 274)
internal static class ExifOrientation
{
    // Orientations 5..8 turn the picture a quarter: the upright image's width is the stored height.
    public static bool SwapsSides(ReadOnlySpan<byte> app1) => Read(app1) is >= 5 and <= 8;

    private static int? Read(ReadOnlySpan<byte> app1)
    {
        if (app1.Length < 14 || !app1.StartsWith("Exif\0\0"u8)) return null;
        var tiff = app1[6..];
        var little = tiff[0] == 'I' && tiff[1] == 'I';
        if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return null;
        var ifd = UInt32(tiff[4..], little);
        if (ifd + 2 > tiff.Length) return null;
        var count = UInt16(tiff[(int)ifd..], little);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + i * 12;
            if (entry + 12 > tiff.Length) return null;
            if (UInt16(tiff[entry..], little) == 0x0112) return UInt16(tiff[(entry + 8)..], little);
        }
        return null;
    }

    private static ushort UInt16(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

    private static uint UInt32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
}
