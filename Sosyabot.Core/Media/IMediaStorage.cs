namespace Sosyabot.Core.Media;

public interface IMediaStorage
{
    // Copies the stream into storage while hashing and counting; past maxBytes it stops, leaves
    // nothing behind and throws MediaTooLargeException. Data lands under the key only when complete.
    Task<StoredFile> SaveAsync(string key, Stream content, long maxBytes, CancellationToken ct);

    // Reads a file of an upload; for a local disk, a seekable stream (range requests need it).
    Task<Stream> OpenAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}
