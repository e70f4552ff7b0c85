using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Publishing;

namespace Sosyabot.Core.Media;

// The engine's view of the store: a part's media ids become streams, each image in the copy that fits
// the platform's per-image limit from its rules (Bluesky's 1,000,000 bytes), the original kept.
public sealed class StoredPublishMedia(SosyabotDbContext db, PublishMediaFactory factory, ProviderRegistry providers) : IPublishMediaSource
{
    public async Task<IReadOnlyList<PublishMedia>> ResolveAsync(Guid workspaceId, IReadOnlyList<MediaRef> refs, string platform, CancellationToken ct)
    {
        var ids = refs.Select(r => r.MediaId).ToList();
        var items = await db.MediaItems.Include(m => m.Variants)
            .Where(m => m.WorkspaceId == workspaceId && ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var imageLimit = providers.Find<IHasPublishingRules>(platform)?.Rules.Media.For(MediaKind.Image)?.MaxBytes;
        var media = new List<PublishMedia>(refs.Count);
        for (var i = 0; i < refs.Count; i++)
        {
            if (!items.TryGetValue(refs[i].MediaId, out var item))
                throw new ProviderException(ProviderErrorKind.Rejected, $"Media {i + 1} of this post is no longer in the media library; remove it from the post, then retry.");
            media.Add(await factory.CreateAsync(item, refs[i].AltText, item.Kind == MediaKind.Image ? imageLimit : null, ct));
        }
        return media;
    }
}
