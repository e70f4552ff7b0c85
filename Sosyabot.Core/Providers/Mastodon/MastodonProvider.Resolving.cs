using System.Net;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.Mastodon;

// Did an attempt whose answer was lost make a status? While the server still holds the part's
// Idempotency-Key (an hour; we stop a little short), ask it with that key and a blank text: the
// server checks the key before anything else (PostStatusService#call), so a held key answers the
// status it made, and an unknown key gets "Text can't be blank" (422), which creates nothing and so
// proves that no status was made under it. Later, read the account's statuses instead.
public sealed partial class MastodonProvider : IPublishResolver
{
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromMinutes(55);

    public async Task<PublishedPost?> FindAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct)
    {
        var account = MastodonAccountRef.Of(request.Channel);
        if (clock.GetUtcNow() - attemptStartedAt >= IdempotencyWindow)
            return await FindInTimelineAsync(account, request, attemptStartedAt, ct);
        try
        {
            return ToPost(await SendStatusAsync(account, request.IdempotencyKey, [new("status", "")], ct), account);
        }
        catch (ProviderException e) when (e.StatusCode == (int)HttpStatusCode.UnprocessableEntity)
        {
            return null;
        }
    }
}
