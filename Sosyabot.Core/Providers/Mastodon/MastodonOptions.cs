namespace Sosyabot.Core.Providers.Mastodon;

// Providers:Mastodon. Nothing is required: the app registers itself on each server it meets.
public sealed class MastodonOptions
{
    public const string Section = "Providers:Mastodon";

    // Shown to users on their server's authorize page and authorized-apps list.
    public string ClientName { get; set; } = "Sosyabot";

    // Optional homepage linked from that list.
    public string? Website { get; set; }
}
