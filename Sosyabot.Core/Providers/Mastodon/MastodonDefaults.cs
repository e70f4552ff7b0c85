
namespace Sosyabot.Core.Providers.Mastodon;

// Every Mastodon server is its own authorization server: the app registers itself per server
// (POST /api/v1/apps) and the server's origin is the issuer. https://docs.joinmastodon.org/client/token/
public static class MastodonDefaults
{
    public const string Key = "mastodon";

    public static readonly PlatformInfo Info = new(
        Key, "Mastodon", LoginType.OAuth,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: null);

    public const string AppsPath = "/api/v1/apps";
    public const string AppVerifyCredentialsPath = "/api/v1/apps/verify_credentials";
    // RFC 8414 metadata, served since Mastodon 4.3 (PR #29191); older servers answer 404.
    public const string MetadataPath = "/.well-known/oauth-authorization-server";
    public const string AuthorizePath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string VerifyCredentialsPath = "/api/v1/accounts/verify_credentials";

    // Public, no token: the server's limits (configuration.statuses.max_characters); since Mastodon 4.0.
    public const string InstancePath = "/api/v2/instance";

    public const string AuthorizedApplicationsPath = "/oauth/authorized_applications";

    // Publishing: https://docs.joinmastodon.org/methods/statuses/#create , https://docs.joinmastodon.org/methods/media/
    public const string StatusesPath = "/api/v1/statuses";
    public const string MediaUploadPath = "/api/v2/media";
    public static string MediaPath(string id) => $"/api/v1/media/{Uri.EscapeDataString(id)}";
    public static string AccountStatusesPath(string accountId) => $"/api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses";

    // Platform fields of a post, named as the API names them. Visibility is public unless set.
    public const string VisibilityField = "visibility";
    public const string ContentWarningField = "spoiler_text";
    public const string DefaultVisibility = "public";

    // read:accounts (not the 4.3+ "profile") so one registration works on every server version.
    public const string Scopes = "read:accounts write:statuses write:media";

    // Where a user revokes the app on their own server; every instance has its own page.
    public static string ConnectedAppsUrl(string instance) => instance.TrimEnd('/') + AuthorizedApplicationsPath;
}
