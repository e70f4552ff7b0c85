using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Publishing.Validation;

// One target's content resolved for one channel: the parts in order (one for a single post, more
// for a thread), and the platform fields (subreddit, title, subject...). Instance is the channel's
// server where the platform has several (Mastodon), for the per-server text limit.
public sealed record ContentToValidate(
    Guid ChannelId,
    string Platform,
    IReadOnlyList<ContentPart> Parts,
    IReadOnlyDictionary<string, string> Fields)
{
    public string? Instance { get; init; }

    // Set when Parts holds only some of the thread (a publisher checks the one part it sends):
    // the index of Parts[0] in the thread, and the thread's length.
    public int FirstPart { get; init; }

    public int? PartCount { get; init; }

    // The one part a publisher is about to send, as validation reads it.
    public static ContentToValidate From(PublishRequest request)
    {
        var media = request.Part.Media.Select(m => new ContentMedia(m.Kind, m.ContentType, m.Length, m.Width, m.Height, m.AltText)).ToList();
        return new ContentToValidate(request.Channel.ChannelId, request.Channel.Platform, [new ContentPart(request.Part.Text, media)], FieldsOf(request.PlatformFields))
        {
            FirstPart = request.PartIndex,
            PartCount = request.PartCount,
        };
    }

    // Platform fields as validation reads them: every value as text.
    public static IReadOnlyDictionary<string, string> FieldsOf(JsonObject? fields)
    {
        var read = new Dictionary<string, string>();
        foreach (var (name, node) in fields ?? [])
            if (node is JsonValue value)
                read[name] = value.TryGetValue<string>(out var text) ? text : value.ToJsonString();
        return read;
    }
}

public sealed record ContentPart(string Text, IReadOnlyList<ContentMedia> Media);

// What validation needs of a stored upload: never its bytes.
public sealed record ContentMedia(MediaKind Kind, string ContentType, long Length, int? Width = null, int? Height = null, string? AltText = null);
