using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Media;

// One upload. Kind, content type and dimensions come from the bytes, never from the name or the
// browser's claim; the file name is kept for display only (storage keys never derive from it).
public class MediaItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public MediaKind Kind { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public required string FileName { get; set; }
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }
    public string? ThumbnailKey { get; set; }
    public TimeSpan? Duration { get; set; }
    // How many posts use the upload (MediaService.AttachAsync/ReleaseAsync); the cleanup job removes
    // day-old uploads at zero and keeps the rest.
    public int PostCount { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<MediaVariant> Variants { get; set; } = [];
}
