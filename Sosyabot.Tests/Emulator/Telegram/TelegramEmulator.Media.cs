using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sosyabot.Tests.Emulator.Telegram;

// sendPhoto, sendVideo, sendAnimation and sendMediaGroup with uploaded files (multipart/form-data,
// https://core.telegram.org/bots/api#sending-files). The refusals carry the real server's words as
// bots meet them: "message caption is too long", "there are no messages to send", "too many
// messages to send as an album", "can't parse InputMedia: media not found" for an attach:// name
// without its file part, 413 "Request Entity Too Large" past the 50 MB upload limit. The answers
// are Message objects with photo sizes, video or animation, and each chat records them with their files.
public sealed partial class TelegramEmulator
{
    private const int CaptionLimit = 1024;
    private const long UploadLimit = 50L * 1024 * 1024;
    private const string AttachPrefix = "attach://";

    private static IFormFileCollection? Files(HttpRequest request) => request.HasFormContentType ? request.Form.Files : null;

    private (int Status, JsonObject Body) SendMedia(EmulatedTelegramBot bot, string method, Dictionary<string, string> parameters, IFormFileCollection? files)
    {
        var (chat, refusal) = Postable(bot, parameters);
        if (chat is null) return refusal!.Value;
        var type = method.ToLowerInvariant() switch { "sendphoto" => "photo", "sendvideo" => "video", _ => "animation" };
        // The file is a part named like the field, or a part the field names as attach://<part>.
        var reference = parameters.GetValueOrDefault(type);
        var file = files?.GetFile(type) ?? (reference?.StartsWith(AttachPrefix, StringComparison.Ordinal) == true ? files?.GetFile(reference[AttachPrefix.Length..]) : null);
        if (file is null)
            return reference is null || reference.StartsWith(AttachPrefix, StringComparison.Ordinal)
                ? Error(400, $"Bad Request: there is no {type} in the request")
                // No stored files here: any file_id or URL is one Telegram would not know either.
                : Error(400, "Bad Request: wrong file identifier/HTTP URL specified");
        if (FileRefusal(file) is { } bad) return bad;
        var caption = parameters.GetValueOrDefault("caption") ?? "";
        if (caption.Length > CaptionLimit) return Error(400, "Bad Request: message caption is too long");
        var (replyTo, replyError) = ReplyTo(chat, parameters);
        if (replyError is not null) return replyError.Value;

        var message = chat.AddMedia([(caption, Read(type, file, parameters))], Silent(parameters), replyTo, groupId: null)[0];
        return Ok(MessageJson(chat, message));
    }

    private (int Status, JsonObject Body) SendMediaGroup(EmulatedTelegramBot bot, Dictionary<string, string> parameters, IFormFileCollection? files)
    {
        var (chat, refusal) = Postable(bot, parameters);
        if (chat is null) return refusal!.Value;
        if (!parameters.TryGetValue("media", out var mediaJson)) return Error(400, "Bad Request: parameter \"media\" is required");
        JsonArray? items;
        try
        {
            items = JsonNode.Parse(mediaJson) as JsonArray;
        }
        catch (JsonException)
        {
            items = null;
        }
        if (items is null) return Error(400, "Bad Request: can't parse media JSON object");
        if (items.Count == 0) return Error(400, "Bad Request: there are no messages to send");
        if (items.Count > 10) return Error(400, "Bad Request: too many messages to send as an album");

        var album = new List<(string Caption, EmulatedTelegramFile File)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] as JsonObject;
            var type = item?["type"]?.GetValue<string>() ?? "";
            // Audio and document albums exist too; Sosyabot sends neither, so they are not emulated.
            if (type == "animation") return Error(400, "Bad Request: can't parse InputMedia: type \"animation\" can't be used in sendMediaGroup");
            if (type is not ("photo" or "video")) return Error(400, $"Bad Request: can't parse InputMedia: type \"{type}\" is unsupported");
            var media = item!["media"]?.GetValue<string>() ?? "";
            if (!media.StartsWith(AttachPrefix, StringComparison.Ordinal))
                return Error(400, $"Bad Request: failed to send message #{i + 1} with the error message \"Wrong file identifier/HTTP URL specified\"");
            if (files?.GetFile(media[AttachPrefix.Length..]) is not { } file) return Error(400, "Bad Request: can't parse InputMedia: media not found");
            if (FileRefusal(file) is { } bad) return bad;
            var caption = item["caption"]?.GetValue<string>() ?? "";
            if (caption.Length > CaptionLimit) return Error(400, "Bad Request: message caption is too long");
            var fields = item.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString());
            album.Add((caption, Read(type, file, fields)));
        }
        var (replyTo, replyError) = ReplyTo(chat, parameters);
        if (replyError is not null) return replyError.Value;

        var groupId = NewMediaGroupId();
        var messages = chat.AddMedia(album, Silent(parameters), replyTo, groupId);
        return Ok(new JsonArray(messages.Select(m => (JsonNode)MessageJson(chat, m)).ToArray()));
    }

    // Where sendMessage would refuse, a media send refuses the same way.
    private (EmulatedTelegramChat? Chat, (int, JsonObject)? Error) Postable(EmulatedTelegramBot bot, Dictionary<string, string> parameters)
    {
        var (chat, error) = Visible(bot, parameters);
        if (chat is null) return (null, error);
        if (PostingRefusal(chat, chat.Members.GetValueOrDefault(bot.Id)) is { } refusal) return (null, refusal);
        if (chat.TakeFloodWait() is { } wait) return (null, FloodWait(wait));
        return (chat, null);
    }

    private static (int, JsonObject)? FileRefusal(IFormFile file) =>
        file.Length == 0 ? Error(400, "Bad Request: file must be non-empty")
        : file.Length > UploadLimit ? Error(413, "Request Entity Too Large")
        : null;

    private static (long? Id, (int, JsonObject)? Error) ReplyTo(EmulatedTelegramChat chat, Dictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue("reply_parameters", out var reply)) return (null, null);
        var id = JsonNode.Parse(reply)?["message_id"]?.GetValue<long>();
        return id is null || chat.Messages.All(m => m.MessageId != id) ? (null, Error(400, "Bad Request: message to be replied not found")) : (id, null);
    }

    private static bool Silent(Dictionary<string, string> parameters) => parameters.GetValueOrDefault("disable_notification") == "true";

    private static EmulatedTelegramFile Read(string type, IFormFile file, IReadOnlyDictionary<string, string> fields)
    {
        using var stream = new MemoryStream();
        file.CopyTo(stream);
        var content = stream.ToArray();
        // Telegram measures a photo itself; a video's size is what the bot says (or, on the real server, the file's own).
        var (width, height) = type == "photo" ? ImageSize(content) : (Int(fields, "width"), Int(fields, "height"));
        return new EmulatedTelegramFile(type, file.FileName, file.ContentType, content, width, height, fields.GetValueOrDefault("supports_streaming") == "true");
    }

    private static int? Int(IReadOnlyDictionary<string, string> fields, string name) =>
        int.TryParse(fields.GetValueOrDefault(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    // PNG's IHDR, GIF's logical screen, a JPEG's start-of-frame; null for anything else.
    private static (int?, int?) ImageSize(byte[] b)
    {
        if (b.Length >= 24 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
            return (BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
        if (b.Length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F')
            return (BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(8)));
        for (var i = 2; b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 && i + 9 < b.Length && b[i] == 0xFF; i += 2 + BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2)))
            if (b[i + 1] is >= 0xC0 and <= 0xC3)
                return (BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 5)));
        return (null, null);
    }

    private static JsonObject MessageJson(EmulatedTelegramChat chat, EmulatedTelegramMessage message)
    {
        var chatJson = new JsonObject { ["id"] = chat.Id, ["title"] = chat.Title, ["type"] = chat.Type };
        if (chat.Username is not null) chatJson["username"] = chat.Username;
        var result = new JsonObject { ["message_id"] = message.MessageId, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["chat"] = chatJson };
        if (chat.Type == "channel") result["sender_chat"] = chatJson.DeepClone();
        if (message.MediaGroupId is not null) result["media_group_id"] = message.MediaGroupId;
        if (message.Text.Length > 0) result["caption"] = message.Text;
        foreach (var file in message.Media)
        {
            var ids = new JsonObject { ["file_id"] = FileId(file), ["file_unique_id"] = "AQAD" + file.Content.Length.ToString("x", CultureInfo.InvariantCulture) };
            if (file.Type == "photo")
            {
                // The real server keeps several sizes; a tiny image has only its own.
                var size = ids.DeepClone().AsObject();
                size["width"] = file.Width ?? 0;
                size["height"] = file.Height ?? 0;
                size["file_size"] = file.Content.Length;
                result["photo"] = new JsonArray(size);
                continue;
            }
            var document = ids;
            document["width"] = file.Width ?? 0;
            document["height"] = file.Height ?? 0;
            document["duration"] = 0;
            document["file_name"] = file.FileName;
            document["mime_type"] = file.ContentType;
            document["file_size"] = file.Content.Length;
            result[file.Type] = document;
            // An animation also arrives as a document, for clients that predate animations.
            if (file.Type == "animation")
                result["document"] = new JsonObject { ["file_name"] = file.FileName, ["mime_type"] = file.ContentType, ["file_id"] = document["file_id"]!.DeepClone(), ["file_unique_id"] = document["file_unique_id"]!.DeepClone(), ["file_size"] = file.Content.Length };
        }
        return result;
    }

    private static string FileId(EmulatedTelegramFile file) => (file.Type == "photo" ? "AgACAgIAAx0" : "BAACAgIAAx0") + Guid.NewGuid().ToString("N");

    private static string NewMediaGroupId() => Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
}

public sealed partial record EmulatedTelegramChat
{
    private readonly Lock _albumLock = new();

    // An album's messages get consecutive ids and one media_group_id; the caption is each item's own.
    public IReadOnlyList<EmulatedTelegramMessage> AddMedia(IReadOnlyList<(string Caption, EmulatedTelegramFile File)> items, bool silent, long? replyTo, string? groupId)
    {
        lock (_albumLock)
            return items.Select(item =>
            {
                var message = new EmulatedTelegramMessage(Interlocked.Increment(ref _lastMessageId), item.Caption, silent, replyTo) { Media = [item.File], MediaGroupId = groupId };
                _messages.Enqueue(message);
                return message;
            }).ToList();
    }
}

// Text is the caption for a message with media.
public sealed partial record EmulatedTelegramMessage
{
    public IReadOnlyList<EmulatedTelegramFile> Media { get; init; } = [];

    public string? MediaGroupId { get; init; }
}

// One uploaded file as the emulator received it: the part's file name and content type, the bytes,
// the dimensions (measured for a photo, as sent for a video) and supports_streaming.
public sealed record EmulatedTelegramFile(string Type, string FileName, string ContentType, byte[] Content, int? Width, int? Height, bool SupportsStreaming);
