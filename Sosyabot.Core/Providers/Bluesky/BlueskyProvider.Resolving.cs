using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using static Sosyabot.Core.Providers.Bluesky.BlueskyDefaults;

namespace Sosyabot.Core.Providers.Bluesky;

// The part's record key is fixed before its first attempt, so one read settles an Unknown:
// com.atproto.repo.getRecord finds the post (uri and cid for the thread's next reply), or answers
// RecordNotFound, which proves no attempt made it. Records are public: no token is needed, so an
// expired access JWT cannot stop the check. https://docs.bsky.app/docs/api/com-atproto-repo-get-record
public sealed partial class BlueskyProvider : IPublishResolver
{
    public async Task<PublishedPost?> FindAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct)
    {
        var session = BlueskySessionRef.Of(request.Channel);
        var rkey = BlueskyTid.From(request.IdempotencyKey);
        var url = $"{session.Pds}{GetRecordPath}?repo={Uri.EscapeDataString(session.Did)}&collection={PostCollection}&rkey={rkey}";
        try
        {
            return ToPost(await Api(atConnect: false).SendForJsonAsync(new HttpRequestMessage(HttpMethod.Get, url), ct), session, rkey);
        }
        catch (ProviderException e) when (BlueskyErrorInspector.IsRecordNotFound(e))
        {
            return null;
        }
    }
}
