using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using static Sosyabot.Core.Providers.Telegram.TelegramDefaults;

namespace Sosyabot.Core.Providers.Telegram;

// A part with media, uploaded as multipart/form-data (https://core.telegram.org/bots/api#sending-files):
// one image → sendPhoto, one video → sendVideo, one GIF → sendAnimation, several images and videos →
// sendMediaGroup, an album whose items reference their file parts as attach://fileN. The text rides
// as the caption (of the first item in an album). PublishAsync has checked the part against
// TelegramRules first, so nothing is uploaded for nothing.
public sealed partial class TelegramProvider
{
    private async Task<TelegramMessage> SendMediaAsync(ProviderApi api, string token, PublishPart part, Dictionary<string, object> parameters, CancellationToken ct)
    {
        EnsureSendable(part);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in parameters) form.Add(new StringContent(value as string ?? JsonSerializer.Serialize(value)), name);

        if (part.Media.Count == 1)
        {
            var item = part.Media[0];
            var (method, field) = item.Kind switch
            {
                MediaKind.Image => ("sendPhoto", "photo"),
                MediaKind.Video => ("sendVideo", "video"),
                _ => ("sendAnimation", "animation"),
            };
            if (part.Text.Length > 0) form.Add(new StringContent(part.Text), "caption");
            foreach (var (name, value) in Dimensions(item)) form.Add(new StringContent(value.ToJsonString()), name);
            await AddFileAsync(form, field, item, ct);
            return await SendAsync<TelegramMessage>(api, Post(token, method, form), method, ct, apis.Options.UploadTimeout);
        }

        var album = new JsonArray();
        for (var i = 0; i < part.Media.Count; i++)
        {
            var item = part.Media[i];
            var input = new JsonObject { ["type"] = item.Kind == MediaKind.Video ? "video" : "photo", ["media"] = $"attach://file{i}" };
            if (i == 0 && part.Text.Length > 0) input["caption"] = part.Text;
            foreach (var (name, value) in Dimensions(item)) input[name] = value;
            album.Add(input);
            await AddFileAsync(form, $"file{i}", item, ct);
        }
        form.Add(new StringContent(album.ToJsonString()), "media");
        // An album answers one message per item; the post is the first one, the one with the caption.
        var messages = await SendAsync<List<TelegramMessage>>(api, Post(token, "sendMediaGroup", form), "sendMediaGroup", ct, apis.Options.UploadTimeout);
        return messages.Count > 0
            ? messages[0]
            : throw new ProviderException(ProviderErrorKind.Unknown, "Telegram answered sendMediaGroup without any message; the album may or may not have been posted.");
    }

    // The one refusal the rules cannot say: albums (sendMediaGroup) take only photos and videos;
    // Telegram answers "type animation can't be used in sendMediaGroup".
    private static void EnsureSendable(PublishPart part)
    {
        if (part.Media.Count > 1 && part.Media.Any(m => m.Kind == MediaKind.Gif))
            throw new ProviderException(ProviderErrorKind.Rejected, "Telegram cannot put a GIF in an album with other media. Post the GIF on its own, or remove it.");
    }

    // Width and height help clients lay the message out before the file loads; a video also says it
    // may be played while it downloads. A photo's size Telegram reads itself.
    private static IEnumerable<(string Name, JsonNode Value)> Dimensions(PublishMedia item)
    {
        if (item.Kind == MediaKind.Image) yield break;
        if (item.Width is { } width) yield return ("width", width);
        if (item.Height is { } height) yield return ("height", height);
        if (item.Kind == MediaKind.Video) yield return ("supports_streaming", true);
    }

    // Streamed from the media store: the form owns the stream and disposes it with itself.
    private static async Task AddFileAsync(MultipartFormDataContent form, string name, PublishMedia item, CancellationToken ct)
    {
        var file = new StreamContent(await item.OpenAsync(ct));
        file.Headers.ContentType = new MediaTypeHeaderValue(item.ContentType);
        form.Add(file, name, item.FileName);
    }

    private static HttpRequestMessage Post(string token, string method, HttpContent content) =>
        new(HttpMethod.Post, $"{ApiBase}/bot{token}/{method}") { Content = content };
}
