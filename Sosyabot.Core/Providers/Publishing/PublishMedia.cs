namespace Sosyabot.Core.Providers.Publishing;

// One stored upload as a publisher needs it: what it is (detected from the content), how big, and
// a way to stream it (never a byte[]: a video is hundreds of megabytes). PublicUrl is an expiring,
// unguessable link for platforms that fetch media themselves. The variant is already the one fitting
// this platform (a re-encoded copy where the platform's limit is below the original).
public sealed record PublishMedia(
    Guid Id,
    MediaKind Kind,
    string ContentType,
    long Length,
    int? Width,
    int? Height,
    string? AltText,
    string FileName,
    Func<CancellationToken, Task<Stream>> OpenAsync,
    Uri? PublicUrl = null);
