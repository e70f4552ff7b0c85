namespace Sosyabot.Core.Providers.Publishing.Rules;

// Content types as the media store detects them, shared by the platforms' rules.
public static class ContentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Gif = "image/gif";
    public const string Mp4 = "video/mp4";
    public const string QuickTime = "video/quicktime";
    public const string WebM = "video/webm";
}
