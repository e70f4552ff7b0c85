using System.Text.RegularExpressions;

namespace Sosyabot.Core.Providers.Bluesky;

public static partial class BlueskyDefaults
{
    public const string Key = "bluesky";

    public static readonly PlatformInfo Info = new(
        Key, "Bluesky", LoginType.Credentials,
        new(TimeSpan.FromHours(2), RotatingRefreshTokens: true),
        ConnectedAppsUrl: "https://bsky.app/settings/app-passwords")
    {
        UsernameField = IdentifierField,
    };

    // The PDS of every bsky.social account; self-hosted accounts live on their own PDS.
    public const string DefaultPds = "https://bsky.social";

    // XRPC methods, relative to the PDS (https://docs.bsky.app/docs/api/com-atproto-server-create-session).
    public const string CreateSessionPath = "/xrpc/com.atproto.server.createSession";
    public const string RefreshSessionPath = "/xrpc/com.atproto.server.refreshSession";
    public const string GetProfilePath = "/xrpc/app.bsky.actor.getProfile";

    // Publishing: https://docs.bsky.app/docs/advanced-guides/posts
    public const string CreateRecordPath = "/xrpc/com.atproto.repo.createRecord";
    public const string GetRecordPath = "/xrpc/com.atproto.repo.getRecord";
    public const string UploadBlobPath = "/xrpc/com.atproto.repo.uploadBlob";
    public const string ResolveHandlePath = "/xrpc/com.atproto.identity.resolveHandle";
    public const string PostCollection = "app.bsky.feed.post";

    // Video goes through Bluesky's video service, authorised by service tokens the PDS signs:
    // https://docs.bsky.app/docs/tutorials/video
    public const string VideoService = "https://video.bsky.app";
    public const string VideoServiceDid = "did:web:video.bsky.app";
    public const string GetServiceAuthPath = "/xrpc/com.atproto.server.getServiceAuth";
    public const string GetSessionPath = "/xrpc/com.atproto.server.getSession";
    public const string UploadVideoPath = "/xrpc/app.bsky.video.uploadVideo";
    public const string GetJobStatusPath = "/xrpc/app.bsky.video.getJobStatus";
    public const string GetUploadLimitsPath = "/xrpc/app.bsky.video.getUploadLimits";
    public const string UploadBlobMethod = "com.atproto.repo.uploadBlob";
    public const string GetUploadLimitsMethod = "app.bsky.video.getUploadLimits";

    // Optional platform field: the post's language (BCP 47), sent as langs.
    public const string LanguageField = "language";

    public static string PostUrl(string handleOrDid, string rkey) => $"https://bsky.app/profile/{handleOrDid}/post/{rkey}";

    // A PDS issues 120-minute access JWTs by default; used only when a JWT carries no readable exp.
    public static readonly TimeSpan DefaultAccessLifetime = TimeSpan.FromHours(2);

    public const string IdentifierField = "identifier";
    public const string AppPasswordField = "app_password";
    public const string PdsField = "pds";
    public const string PdsSetting = "pds";

    public static readonly IReadOnlyList<CredentialField> Fields =
    [
        new(IdentifierField, "Handle or email", CredentialFieldKind.Text, Placeholder: "alice.bsky.social"),
        new(AppPasswordField, "App password", CredentialFieldKind.Secret,
            Help: "Create one in Bluesky at Settings → Privacy and security → App passwords. Never enter your main Bluesky password here.",
            Placeholder: "xxxx-xxxx-xxxx-xxxx"),
        new(PdsField, "PDS address", CredentialFieldKind.Url, Required: false,
            Help: "Only for accounts hosted outside bsky.social; leave empty otherwise.", Placeholder: DefaultPds),
    ];

    // App passwords are four groups of four characters, e.g. abcd-efgh-ijkl-mnop.
    [GeneratedRegex("^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$")]
    public static partial Regex AppPassword();
}
