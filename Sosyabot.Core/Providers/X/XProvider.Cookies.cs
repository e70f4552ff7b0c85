using System.Net.Http.Headers;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.X;

// Login type 2: the user pastes the auth_token and ct0 cookies of a browser signed in to x.com. They
// are checked with the call x.com's own web app makes (same headers) before anything is saved.
public sealed partial class XProvider
{
    public IReadOnlyList<CredentialField> Fields { get; } =
    [
        new(XWebSession.AuthTokenField, "auth_token cookie", CredentialFieldKind.Secret,
            Help: "In a browser signed in to x.com, open the developer tools (F12), then Application › Cookies › https://x.com "
                + "(Firefox: Storage › Cookies) and copy the value of auth_token. Treat it like a password: it signs in as you.",
            Placeholder: "40 letters and digits"),
        new(XWebSession.Ct0Field, "ct0 cookie", CredentialFieldKind.Secret,
            Help: "From the same cookie list, copy the value of ct0. Both cookies stop working when you sign out of that browser session.",
            Placeholder: "32 or 160 letters and digits"),
    ];

    public async Task<ConnectedAccount> ValidateAsync(IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var authToken = XWebSession.Clean(values.GetValueOrDefault(XWebSession.AuthTokenField), XWebSession.AuthTokenField)
            ?? throw new InvalidRequestException("The auth_token cookie should be the cookie's value only: letters and digits, nothing else.");
        var ct0 = XWebSession.Clean(values.GetValueOrDefault(XWebSession.Ct0Field), XWebSession.Ct0Field)
            ?? throw new InvalidRequestException("The ct0 cookie should be the cookie's value only: letters and digits, nothing else.");
        var session = new XWebSession(authToken, ct0);
        var user = await VerifySessionAsync(session, ct);
        return new ConnectedAccount(user.IdStr!, user.Name is { Length: > 0 } name ? name : user.ScreenName!, user.ScreenName,
            HttpsUrl(user.ProfileImageUrlHttps), new TokenSet(session.Serialize()));
    }

    // A cookie session has nothing to refresh; "refreshing" checks it is still signed in, so a session
    // ended at x.com marks the channel for reconnect like a revoked grant does.
    private async Task<TokenSet> RecheckSessionAsync(ChannelContext channel, CancellationToken ct)
    {
        var session = XWebSession.TryParse(channel.AccessToken)
            ?? throw new ProviderException(ProviderErrorKind.Auth, "The stored X session cookies cannot be read. Reconnect the channel.");
        await VerifySessionAsync(session, ct);
        return new TokenSet(channel.AccessToken!);
    }

    private async Task<XLegacyUser> VerifySessionAsync(XWebSession session, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, XDefaults.VerifyCredentialsEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            string.IsNullOrWhiteSpace(Settings.WebBearerToken) ? XDefaults.WebClientBearerToken : Settings.WebBearerToken.Trim());
        request.Headers.Add("Cookie", session.CookieHeader);
        request.Headers.Add("x-csrf-token", session.Ct0);
        request.Headers.Add("x-twitter-auth-type", "OAuth2Session");
        request.Headers.Add("x-twitter-active-user", "yes");
        request.Headers.Add("x-twitter-client-language", "en");
        request.Headers.Referrer = new Uri("https://x.com/");
        request.Headers.TryAddWithoutValidation("User-Agent", XDefaults.WebClientUserAgent);
        var user = (await Api().SendForJsonAsync(request, ct)).Deserialize<XLegacyUser>();
        return user is { IdStr.Length: > 0, ScreenName.Length: > 0 }
            ? user
            : throw new ProviderException(ProviderErrorKind.Transient, "X answered the session check without an account id or username.");
    }
}
