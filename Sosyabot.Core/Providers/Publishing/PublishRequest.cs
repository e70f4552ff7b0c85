using System.Text.Json.Nodes;

namespace Sosyabot.Core.Providers.Publishing;

// One part of one target, resolved for that channel: its text (override or base), its media, and
// its platform fields (subreddit, visibility, subject...). For a thread, Root and Parent are the
// parts already confirmed. IdempotencyKey is stable across every attempt of this part (the target's
// key plus the part index), so a platform that honours one (Mastodon) or a record key (Bluesky)
// turns a repeated send into the same post.
public sealed record PublishRequest(
    ChannelContext Channel,
    PublishPart Part,
    int PartIndex,
    int PartCount,
    PublishedPost? Root,
    PublishedPost? Parent,
    JsonObject PlatformFields,
    string IdempotencyKey)
{
    public bool IsReply => Parent is not null;

    public string? Field(string name) => PlatformFields[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public override string ToString() => $"PublishRequest({Channel}, part {PartIndex + 1}/{PartCount})";
}
