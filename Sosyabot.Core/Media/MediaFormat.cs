using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Media;

public sealed record MediaFormat(MediaKind Kind, string ContentType, string Extension)
{
    public static readonly MediaFormat Jpeg = new(MediaKind.Image, "image/jpeg", "jpg");
    public static readonly MediaFormat Png = new(MediaKind.Image, "image/png", "png");
    public static readonly MediaFormat WebP = new(MediaKind.Image, "image/webp", "webp");
    public static readonly MediaFormat Gif = new(MediaKind.Gif, "image/gif", "gif");
    public static readonly MediaFormat Mp4 = new(MediaKind.Video, "video/mp4", "mp4");
    public static readonly MediaFormat Mov = new(MediaKind.Video, "video/quicktime", "mov");

    private static readonly MediaFormat[] All = [Jpeg, Png, WebP, Gif, Mp4, Mov];

    // Storage keys end in the detected format's extension, so a stored file's type is known from its key.
    public static MediaFormat? FromExtension(string extension) => All.FirstOrDefault(f => f.Extension == extension);
}
