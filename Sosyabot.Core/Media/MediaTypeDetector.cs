using System.Text;

namespace Sosyabot.Core.Media;

// Reads what a file is from its first bytes; the name and the browser's Content-Type are claims anyone can make.
public static class MediaTypeDetector
{
    public const int HeadLength = 32;
    private const string Accepted = "upload JPEG, PNG, WebP, GIF, MP4 or MOV";

    public static MediaFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return MediaFormat.Jpeg;
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return MediaFormat.Png;
        if (Ascii(head, 0, 6) is "GIF87a" or "GIF89a") return MediaFormat.Gif;
        if (Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WEBP") return MediaFormat.WebP;
        if (Ascii(head, 4, 4) == "ftyp")
        {
            var brand = Ascii(head, 8, 4);
            if (brand is "heic" or "heix" or "hevc" or "mif1" or "msf1") throw Refused("a HEIC image");
            if (brand is "avif" or "avis") throw Refused("an AVIF image");
            return brand == "qt  " ? MediaFormat.Mov : MediaFormat.Mp4;
        }
        throw Refused(NameOfRefused(head));
    }

    private static string? NameOfRefused(ReadOnlySpan<byte> head) => head switch
    {
        _ when Ascii(head, 0, 5) == "%PDF-" => "a PDF",
        _ when head.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04]) => "a ZIP archive (or an Office document)",
        _ when Ascii(head, 0, 2) == "BM" => "a BMP image",
        _ when head.StartsWith((byte[])[0x49, 0x49, 0x2A, 0x00]) || head.StartsWith((byte[])[0x4D, 0x4D, 0x00, 0x2A]) => "a TIFF image",
        _ when head.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]) => "a WebM or Matroska video",
        _ when Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "AVI " => "an AVI video",
        _ when Ascii(head, 0, 5) == "<?xml" || Ascii(head, 0, 4) == "<svg" => "an SVG or XML file",
        _ => null,
    };

    private static InvalidRequestException Refused(string? what) =>
        new(what is null ? $"This file type is not supported; {Accepted}." : $"This file is {what}; {Accepted}.");

    private static string Ascii(ReadOnlySpan<byte> head, int offset, int count) =>
        head.Length >= offset + count ? Encoding.ASCII.GetString(head.Slice(offset, count)) : "";
}
