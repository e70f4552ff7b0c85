namespace Sosyabot.Core.Providers.Publishing;

// A provider that can publish. One call publishes one part of one target (a single post, or one
// reply of a thread) and must not retry on its own: the engine decides what is safe to send again.
// Returns Published or Pending, or throws ProviderException (Unknown when the platform may have
// acted). It records nothing: the engine stores the answer the moment it returns.
public interface IPublisher
{
    Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct);
}
