using System.Net.Http.Headers;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Publishing.Validation;

namespace Sosyabot.Core.Providers.Mastodon;

// Posting a status: media first (MastodonProvider.Media.cs), then POST /api/v1/statuses with the
// part's Idempotency-Key, which the server keeps for an hour: the same key sent again answers the
// status it already made instead of a second one (MastodonProvider.Resolving.cs builds on that).
// https://docs.joinmastodon.org/methods/statuses/#create
public sealed partial class MastodonProvider : IPublisher, IPublishStatusChecker
{
    // The text limit is each server's own, which the engine validated with; here the server enforces
    // it (422), and the rest of the rules are checked before anything is uploaded.
    private static readonly PublishingRules SendRules = MastodonRules.Rules with { Text = MastodonRules.Rules.Text! with { Limit = null } };

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        request.EnsureValid(SendRules);
        var account = MastodonAccountRef.Of(request.Channel);
        var uploads = new List<MastodonMedia>();
        for (var i = 0; i < request.Part.Media.Count; i++)
            uploads.Add(await UploadAsync(account, request.Part.Media[i], i, ct));
        var ids = uploads.Select(u => u.Id!).ToList();
        return uploads.Any(u => u.Url is null)
            ? new PendingPublish(string.Join(',', ids), MediaPollInterval)
            : await PostStatusAsync(account, request, ids, ct);
    }

    // Pending came back because a file was still processing; its handle is the uploaded media ids.
    public async Task<PublishResult> CheckAsync(PublishRequest request, PendingPublish pending, CancellationToken ct)
    {
        var account = MastodonAccountRef.Of(request.Channel);
        var ids = pending.StatusHandle.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var id in ids)
            if (!await IsProcessedAsync(account, id, ct))
                return pending with { CheckAfter = MediaPollInterval };
        return await PostStatusAsync(account, request, ids, ct);
    }

    private async Task<PublishedPost> PostStatusAsync(MastodonAccountRef account, PublishRequest request, IReadOnlyList<string> mediaIds, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("status", request.Part.Text),
            new(MastodonDefaults.VisibilityField, request.Field(MastodonDefaults.VisibilityField) ?? MastodonDefaults.DefaultVisibility),
        };
        if (request.Field(MastodonDefaults.ContentWarningField) is { Length: > 0 } warning) form.Add(new(MastodonDefaults.ContentWarningField, warning));
        if (request.Parent is { } parent) form.Add(new("in_reply_to_id", parent.PlatformPostId));
        form.AddRange(mediaIds.Select(id => new KeyValuePair<string, string>("media_ids[]", id)));
        return ToPost(await SendStatusAsync(account, request.IdempotencyKey, form, ct), account);
    }

    private async Task<JsonElement> SendStatusAsync(MastodonAccountRef account, string idempotencyKey, List<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        var http = Authorized(HttpMethod.Post, account, MastodonDefaults.StatusesPath);
        http.Headers.Add("Idempotency-Key", idempotencyKey);
        http.Content = new FormUrlEncodedContent(form);
        return await clients.For(account.Instance).SendForJsonAsync(http, ct);
    }

    private static PublishedPost ToPost(JsonElement json, MastodonAccountRef account)
    {
        var status = json.Deserialize<MastodonStatus>(MastodonJson.Options);
        if (string.IsNullOrEmpty(status?.Id))
            // The status was made (2xx) but we cannot say which: the resolver can still find it by key.
            throw new ProviderException(ProviderErrorKind.Unknown, $"{MastodonInstance.Authority(account.Instance)} accepted the post but did not say which status it made.");
        return new PublishedPost(status.Id, status.Url ?? status.Uri);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, MastodonAccountRef account, string path)
    {
        var http = new HttpRequestMessage(method, account.Instance + path);
        http.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        return http;
    }
}
