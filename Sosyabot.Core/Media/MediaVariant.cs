namespace Sosyabot.Core.Media;

// A re-encoded copy of an image made for a platform whose limit is below the original's size
// (Bluesky: 1,000,000 bytes). Made once per limit and kept beside the original.
public class MediaVariant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MediaItemId { get; set; }
    public long MaxBytes { get; set; }
    public required string ContentType { get; set; }
    public required string StorageKey { get; set; }
    public long Length { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}
