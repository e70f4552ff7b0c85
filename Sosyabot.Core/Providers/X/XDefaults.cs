
namespace Sosyabot.Core.Providers.X;

// OAuth 2.0 with PKCE: https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code
public static class XDefaults
{
    public const string Key = "x";

    public static readonly PlatformInfo Info = new(
        Key, "X", LoginType.OAuth,
        new(TimeSpan.FromHours(2), RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://x.com/settings/connected_apps");

    public const string AuthorizationEndpoint = "https://x.com/i/oauth2/authorize";
    public const string TokenEndpoint = "https://api.x.com/2/oauth2/token";
    public const string MeEndpoint = "https://api.x.com/2/users/me?user.fields=profile_image_url,username,name";

    // offline.access is what makes X issue a refresh token; media.write is needed to attach media.
    public static readonly IReadOnlyList<string> Scopes = ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"];

    // Cookie connect (login type 2): the calls x.com's own web app makes for a signed-in browser.
    public const string VerifyCredentialsEndpoint = "https://api.x.com/1.1/account/verify_credentials.json?include_entities=false&skip_status=true";

    // The bearer token embedded in x.com's public JavaScript bundle and sent by every visitor's browser;
    // it identifies the web app, not a user, and is not a secret. Clients reading x.com report that X
    // can change it, so Providers:X:WebBearerToken replaces it without a release.
    public const string WebClientBearerToken =
        "AAAAAAAAAAAAAAAAAAAAANRILgAAAAAAnNwIzUejRCOuH5E6I8xnZz4puTs%3D1Zv7ttfk8LF81IUq16cHjhLTvJu4FA33AGWWjCpTnA";

    // The session belongs to a browser, so the check is sent as one.
    public const string WebClientUserAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    // Publishing through API v2 (https://docs.x.com/x-api/posts/manage-tweets/introduction).
    public const string TweetsEndpoint = "https://api.x.com/2/tweets";

    // The v2 chunked upload (https://docs.x.com/x-api/media/quickstart/media-upload-chunked); the alt
    // text goes through /2/media/metadata.
    public const string MediaInitializeEndpoint = "https://api.x.com/2/media/upload/initialize";
    public const string MediaMetadataEndpoint = "https://api.x.com/2/media/metadata";

    public static string MediaAppendEndpoint(string mediaId) => $"https://api.x.com/2/media/upload/{Uri.EscapeDataString(mediaId)}/append";

    public static string MediaFinalizeEndpoint(string mediaId) => $"https://api.x.com/2/media/upload/{Uri.EscapeDataString(mediaId)}/finalize";

    public static string MediaStatusEndpoint(string mediaId) => $"https://api.x.com/2/media/upload?command=STATUS&media_id={Uri.EscapeDataString(mediaId)}";

    // The account's own posts, replies included (a thread part is a reply), newest first.
    public static string UserTweetsEndpoint(string userId, DateTimeOffset since, string? paginationToken) =>
        $"https://api.x.com/2/users/{Uri.EscapeDataString(userId)}/tweets?start_time={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))}"
        + "&max_results=100&tweet.fields=created_at,conversation_id,referenced_tweets"
        + (paginationToken is null ? "" : $"&pagination_token={Uri.EscapeDataString(paginationToken)}");

    public static string PostUrl(string? username, string postId) =>
        $"https://x.com/{(string.IsNullOrEmpty(username) ? "i" : Uri.EscapeDataString(username))}/status/{Uri.EscapeDataString(postId)}";
}
