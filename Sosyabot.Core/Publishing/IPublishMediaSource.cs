using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Publishing;

// Turns a part's media ids into what a publisher streams, in the variant fitting the platform.
// Implemented by the media store; the engine asks for it only when a part has media.
public interface IPublishMediaSource
{
    Task<IReadOnlyList<PublishMedia>> ResolveAsync(Guid workspaceId, IReadOnlyList<MediaRef> refs, string platform, CancellationToken ct);
}
