using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    // Relative paths are under the app's content root. Several instances must share this folder.
    public string Root { get; set; } = Path.Combine(".data", "media");
    public long ImageMaxBytes { get; set; } = 20 * 1024 * 1024;
    public long GifMaxBytes { get; set; } = 15 * 1024 * 1024;
    public long VideoMaxBytes { get; set; } = 512 * 1024 * 1024;
    public int ThumbnailSize { get; set; } = 320;
    public TimeSpan UnattachedRetention { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan PublicLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    public long MaxBytes(MediaKind kind) => kind switch
    {
        MediaKind.Gif => GifMaxBytes,
        MediaKind.Video => VideoMaxBytes,
        _ => ImageMaxBytes,
    };
}
