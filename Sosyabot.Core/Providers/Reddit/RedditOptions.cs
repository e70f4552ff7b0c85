namespace Sosyabot.Core.Providers.Reddit;

// Providers:Reddit in configuration: the "web app" registered at https://www.reddit.com/prefs/apps.
public sealed class RedditOptions
{
    public const string Section = "Providers:Reddit";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    // Sent on every call; Reddit asks for "<platform>:<app id>:<version> (by /u/<username>)".
    public string? UserAgent { get; set; }
}
