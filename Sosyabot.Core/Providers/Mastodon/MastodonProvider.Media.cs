using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.Mastodon;

// POST /api/v2/media answers 200 when the file is ready and 202 (url null) while the server still
// processes it; GET /api/v1/media/:id then answers 206 until it is done. A status cannot carry media
// that is still processing. Rather than poll here, a part with processing media returns Pending with
// the media ids: video processing can take minutes, and the engine then keeps the ids, so neither a
// worker nor the channel's lease is held meanwhile and a restart does not upload again.
// https://docs.joinmastodon.org/methods/media/#v2
public sealed partial class MastodonProvider
{
    private static readonly TimeSpan MediaPollInterval = TimeSpan.FromSeconds(5);

    private async Task<MastodonMedia> UploadAsync(MastodonAccountRef account, PublishMedia media, int index, CancellationToken ct)
    {
        await using var stream = await media.OpenAsync(ct);
        var file = new StreamContent(stream);
        file.Headers.ContentType = new MediaTypeHeaderValue(media.ContentType);
        var form = new MultipartFormDataContent { { file, "file", media.FileName } };
        if (!string.IsNullOrWhiteSpace(media.AltText)) form.Add(new StringContent(media.AltText), "description");
        // An upload that may have landed is only an unattached file, which the server deletes after a
        // day and nobody sees: uploading again cannot post twice, so a lost answer is Transient.
        var http = Authorized(HttpMethod.Post, account, MastodonDefaults.MediaUploadPath).MarkRepeatable();
        http.Content = form;
        var json = await clients.For(account.Instance).SendForJsonAsync(http, ct, clients.UploadTimeout);
        var uploaded = json.Deserialize<MastodonMedia>(MastodonJson.Options);
        return string.IsNullOrEmpty(uploaded?.Id)
            ? throw new ProviderException(ProviderErrorKind.Transient, $"{MastodonInstance.Authority(account.Instance)} did not return an id for media {index + 1}.")
            : uploaded;
    }

    private async Task<bool> IsProcessedAsync(MastodonAccountRef account, string id, CancellationToken ct)
    {
        var response = await clients.For(account.Instance).SendAsync(Authorized(HttpMethod.Get, account, MastodonDefaults.MediaPath(id)), ct);
        return response.Status != HttpStatusCode.PartialContent
            && response.RequireJson(MastodonInstance.Authority(account.Instance)).Deserialize<MastodonMedia>(MastodonJson.Options)?.Url is not null;
    }
}
