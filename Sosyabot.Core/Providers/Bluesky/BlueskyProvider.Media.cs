using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using static Sosyabot.Core.Providers.Bluesky.BlueskyDefaults;

namespace Sosyabot.Core.Providers.Bluesky;

// Images: each file goes up raw with com.atproto.repo.uploadBlob, and the post embeds the returned
// blob refs with their alt text and aspect ratio (app.bsky.embed.images). Counts, kinds and sizes
// were checked against BlueskyRules before this runs; making a smaller copy is the media store's job.
public sealed partial class BlueskyProvider
{
    private async Task<JsonObject?> ImagesEmbedAsync(ProviderApi api, BlueskySessionRef session, IReadOnlyList<PublishMedia> media, CancellationToken ct)
    {
        if (media.Count == 0) return null;
        var images = new JsonArray();
        for (var i = 0; i < media.Count; i++)
        {
            var image = new JsonObject { ["alt"] = media[i].AltText ?? "", ["image"] = await UploadBlobAsync(api, session, media[i], i, ct) };
            if (media[i] is { Width: > 0 and var width, Height: > 0 and var height })
                image["aspectRatio"] = new JsonObject { ["width"] = width, ["height"] = height };
            images.Add(image);
        }
        return new JsonObject { ["$type"] = "app.bsky.embed.images", ["images"] = images };
    }

    private async Task<JsonNode> UploadBlobAsync(ProviderApi api, BlueskySessionRef session, PublishMedia media, int index, CancellationToken ct)
    {
        await using var stream = await media.OpenAsync(ct);
        // A blob no record points at is never shown and the PDS drops it: uploading again is safe,
        // so a lost answer is Transient.
        var upload = session.Authorized(HttpMethod.Post, UploadBlobPath).MarkRepeatable();
        upload.Content = new StreamContent(stream);
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue(media.ContentType);
        var json = await api.SendForJsonAsync(upload, ct, apis.Options.UploadTimeout);
        return json.TryGetProperty("blob", out var blob) && blob.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(blob.GetRawText())!
            : throw new ProviderException(ProviderErrorKind.Transient, $"Bluesky did not describe uploaded image {index + 1}.");
    }
}
