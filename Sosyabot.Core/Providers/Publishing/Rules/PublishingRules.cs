namespace Sosyabot.Core.Providers.Publishing.Rules;

// What one platform accepts in one post, as data: read by validation, the composer's counters and
// the API, so none of them keeps its own copy of a limit. Text is the limit of a part without
// media; Caption (when set) replaces it for a part that carries media (Telegram's 1,024). A part
// of a thread is checked against the same rules as a single post.
public sealed record PublishingRules(
    string Platform,
    TextRule? Text,
    MediaRules Media,
    bool Threads,
    IReadOnlyList<PlatformFieldRule> Fields)
{
    public TextRule? Caption { get; init; }

    // Whether a part needs text or media; Reddit's title carries a post, so its body may be empty.
    public bool RequiresContent { get; init; } = true;

    public TextRule? TextFor(bool hasMedia) => hasMedia && Caption is not null ? Caption : Text;
}
