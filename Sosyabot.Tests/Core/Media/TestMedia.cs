using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Sosyabot.Tests.Core.Media;

// Small real files made with SkiaSharp, or byte by byte where Skia has no encoder (GIF, MP4).
public static class TestMedia
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality = 90, bool noise = false)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (noise)
        {
            // Random pixels compress badly, so a modest size makes a large file.
            var pixels = new byte[width * height * 4];
            new Random(42).NextBytes(pixels);
            for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 0xFF;
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        }
        else
        {
            bitmap.Erase(SKColors.CornflowerBlue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height, bool noise = false) => Encode(width, height, SKEncodedImageFormat.Png, noise: noise);
    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    // A JPEG whose pixels are stored as they left the sensor, with an EXIF APP1 segment telling viewers
    // how to turn them (6: a quarter turn clockwise, as a phone held upright writes).
    public static byte[] JpegWithOrientation(int storedWidth, int storedHeight, ushort orientation)
    {
        var jpeg = Jpeg(storedWidth, storedHeight);
        byte[] exif =
        [
            .. "Exif\0\0"u8, .. "II"u8, 0x2A, 0, 8, 0, 0, 0, // TIFF header, little-endian, IFD0 at 8
            1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, (byte)(orientation >> 8), 0, 0, // one entry: Orientation, SHORT
            0, 0, 0, 0, // no next IFD
        ];
        var length = exif.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg[2..]];
    }
    public static byte[] WebPLossy(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp, quality: 80);

    public static byte[] WebPLossless(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Orange);
        using var pixmap = bitmap.PeekPixels()!;
        using var data = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100))!;
        return data.ToArray();
    }

    // A VP8X header (the extended format, used for alpha, animation or metadata) with its canvas size.
    public static byte[] WebPExtended(int width, int height)
    {
        var b = new byte[30];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(b, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 22);
        Encoding.ASCII.GetBytes("WEBPVP8X").CopyTo(b, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(16), 10);
        WriteUInt24(b.AsSpan(24), width - 1);
        WriteUInt24(b.AsSpan(27), height - 1);
        return b;
    }

    // GIF89a: a 1-colour, 1x1-pixel image inside a logical screen of the given size.
    public static byte[] Gif(int width, int height)
    {
        var b = new List<byte>(Encoding.ASCII.GetBytes("GIF89a"));
        b.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0]);
        b.AddRange([0, 0, 0, 0xFF, 0xFF, 0xFF]); // 2-entry global colour table
        b.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // image descriptor, 1x1 at 0,0
        b.AddRange([0x02, 0x02, 0x44, 0x01, 0x00]); // LZW min code size 2, one data block
        b.Add(0x3B);
        return b.ToArray();
    }

    // An MP4 skeleton: ftyp, a media data box first (moov after it, as many encoders write), then
    // moov with mvhd (duration) and a track header (tkhd) with the picture size.
    public static byte[] Mp4(int width, int height, double seconds, string brand = "isom")
    {
        var ftyp = Box("ftyp", [.. Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0, .. Encoding.ASCII.GetBytes("isommp41")]);
        var mdat = Box("mdat", new byte[4096]);
        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), 1000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), (uint)(seconds * 1000));
        var audio = new byte[84];
        var video = new byte[84];
        BinaryPrimitives.WriteUInt32BigEndian(video.AsSpan(76), (uint)width << 16);
        BinaryPrimitives.WriteUInt32BigEndian(video.AsSpan(80), (uint)height << 16);
        var moov = Box("moov", [.. Box("mvhd", mvhd), .. Box("trak", Box("tkhd", audio)), .. Box("trak", Box("tkhd", video))]);
        return [.. ftyp, .. mdat, .. moov];
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    private static void WriteUInt24(Span<byte> b, int value) => (b[0], b[1], b[2]) = ((byte)value, (byte)(value >> 8), (byte)(value >> 16));
}
