using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Media;

// Turns an upload into what a publisher receives, already sized for the platform's limit.
public sealed class PublishMediaFactory(MediaVariantService variants, IMediaStorage storage, MediaLinks links)
{
    public async Task<PublishMedia> CreateAsync(MediaItem item, string? altText, long? maxBytes = null, CancellationToken ct = default)
    {
        var file = maxBytes is { } limit ? await variants.GetVariantAsync(item, limit, ct) : MediaFile.Original(item);
        var extension = MediaFormat.FromExtension(Path.GetExtension(file.StorageKey).TrimStart('.'))?.Extension ?? "bin";
        return new PublishMedia(
            item.Id,
            file.StorageKey == item.StorageKey ? item.Kind : MediaKind.Image,
            file.ContentType,
            file.Length,
            file.Width,
            file.Height,
            altText,
            $"{Path.GetFileNameWithoutExtension(item.FileName)}.{extension}",
            token => storage.OpenAsync(file.StorageKey, token),
            links.Create(file));
    }
}
