namespace Sosyabot.Core.Media;

// One stored file of an upload: the original, or a variant that fits a platform's limit.
public sealed record MediaFile(string StorageKey, string ContentType, long Length, int? Width, int? Height)
{
    public static MediaFile Original(MediaItem item) => new(item.StorageKey, item.ContentType, item.Length, item.Width, item.Height);

    public static MediaFile Of(MediaVariant variant) => new(variant.StorageKey, variant.ContentType, variant.Length, variant.Width, variant.Height);
}
