using System.Globalization;
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
// as the caption (of the first item in an album). Everything Telegram would refuse for its limits is
// refused here first, so nothing is uploaded for nothing.
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

    // The limits of TelegramRules, checked before a byte is uploaded.
    private static void EnsureSendable(PublishPart part)
    {
        var rules = TelegramRules.Rules;
        var caption = rules.TextFor(hasMedia: true);
        // TextCounter.Utf16: string.Length is exactly what Telegram counts.
        if (caption?.Limit is { } limit && part.Text.Length > limit)
            throw Refused($"Telegram: the text is {part.Text.Length:N0} characters, but a post with media takes a caption of at most {limit:N0}. Shorten the text or post it without media.");
        if (part.Media.Count > rules.Media.MaxItems)
            throw Refused($"Telegram: a post takes at most {rules.Media.MaxItems} photos and videos; this one has {part.Media.Count}.");
        // Albums (sendMediaGroup) take only photos and videos: Telegram answers "type animation can't be used in sendMediaGroup".
        if (part.Media.Count > 1 && part.Media.Any(m => m.Kind == MediaKind.Gif))
            throw Refused("Telegram cannot put a GIF in an album with other media. Post the GIF on its own, or remove it.");
        for (var i = 0; i < part.Media.Count; i++)
        {
            var item = part.Media[i];
            var name = $"{Noun(item.Kind)} {i + 1}";
            var rule = rules.Media.For(item.Kind) ?? throw Refused($"Telegram: {name} is of a kind Telegram does not take.");
            if (!rule.ContentTypes.Contains(item.ContentType, StringComparer.OrdinalIgnoreCase))
                throw Refused($"Telegram: {name} is {item.ContentType}, which Telegram does not take as a {Noun(item.Kind)} ({string.Join(", ", rule.ContentTypes)}).");
            if (item.Length > rule.MaxBytes)
                throw Refused($"Telegram: {name} is {Megabytes(item.Length)}, the limit is {Megabytes(rule.MaxBytes)}.");
        }
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

    private static ProviderException Refused(string message) => new(ProviderErrorKind.Rejected, message);

    private static string Noun(MediaKind kind) => kind switch { MediaKind.Image => "image", MediaKind.Video => "video", _ => "GIF" };

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
