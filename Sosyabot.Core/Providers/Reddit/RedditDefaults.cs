using System.Reflection;

namespace Sosyabot.Core.Providers.Reddit;

// Reddit OAuth2 for a "web app": https://github.com/reddit-archive/reddit/wiki/OAuth2
public static class RedditDefaults
{
    public const string Key = "reddit";

    public static readonly PlatformInfo Info = new(
        Key, "Reddit", LoginType.OAuth,
        // Reddit has been seen returning a new refresh token on refresh (prawcore #115): treat it as rotating.
        new(TimeSpan.FromHours(1), RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://www.reddit.com/prefs/apps");

    public const string AuthorizationEndpoint = "https://www.reddit.com/api/v1/authorize";
    public const string TokenEndpoint = "https://www.reddit.com/api/v1/access_token";

    // raw_json=1 turns off Reddit's legacy HTML escaping (&amp; inside URLs) in API answers.
    public const string MeEndpoint = "https://oauth.reddit.com/api/v1/me?raw_json=1";

    // Reddit splits the scope string on spaces or commas; the token response lists them space-separated.
    // submit: posting and media leases; read: /r/{sr}/about; history: /user/{name}/submitted, which is
    // how an image post (answered with only a websocket) and an Unknown are found again.
    public static readonly IReadOnlyList<string> Scopes = ["identity", "submit", "read", "history"];

    // https://www.reddit.com/dev/api#POST_api_submit; with api_type=json refusals come as 200 json.errors.
    public const string SubmitEndpoint = "https://oauth.reddit.com/api/submit";

    // The media upload lease (praw Subreddit._upload_media): a presigned S3 form for one file.
    public const string MediaAssetEndpoint = "https://oauth.reddit.com/api/media/asset.json";

    public static string AboutEndpoint(string subreddit) => $"https://oauth.reddit.com/r/{Uri.EscapeDataString(subreddit)}/about?raw_json=1";

    public static string SubmittedEndpoint(string username) =>
        $"https://oauth.reddit.com/user/{Uri.EscapeDataString(username)}/submitted?sort=new&limit={SubmittedPageSize}&raw_json=1";

    public const int SubmittedPageSize = 25;
    public const string WebBase = "https://www.reddit.com";

    // Platform fields of a post on Reddit.
    public const string SubredditField = "subreddit";
    public const string TitleField = "title";
    public const string FlairField = "flair_id";
    public const string KindField = "kind";
    public const string UrlField = "url";

    // "permanent" is what makes Reddit issue a refresh token; "temporary" grants die after an hour.
    public const string Duration = "permanent";

    // Reddit throttles clients without a unique, descriptive User-Agent:
    // https://github.com/reddit-archive/reddit/wiki/API#rules
    public static readonly string DefaultUserAgent = $"sosyabot:{AppVersion()} (self-hosted)";

    private static string AppVersion()
    {
        var version = typeof(RedditDefaults).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version[..metadata];
    }
}
