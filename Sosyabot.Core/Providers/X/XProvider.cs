using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.X;

// Two ways in: OAuth 2.0 with PKCE (login type 1, this file) and the cookies of a signed-in browser
// session (login type 2, XProvider.Cookies.cs). Both name the account by its numeric user id, so
// connecting the same account either way updates one channel.
public sealed partial class XProvider(ProviderApiFactory apis, IOptions<XOptions> options, TimeProvider clock)
    : IOAuthProvider, ICredentialsProvider, ITokenRefresher
{
    private XOptions Settings => options.Value;

    public PlatformInfo Info => XDefaults.Info;

    public IReadOnlyList<string> MissingSettings =>
    [
        .. string.IsNullOrWhiteSpace(Settings.ClientId) ? [$"{XOptions.Section}:ClientId"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(Settings.ClientSecret) ? [$"{XOptions.Section}:ClientSecret"] : Array.Empty<string>(),
    ];

    // X requires PKCE on every authorization request; S256 is the only method we send (RFC 7636 §7.2).
    public Task<OAuthAuthorization> CreateAuthorizationAsync(OAuthAuthorizationRequest request, CancellationToken ct)
    {
        var url = QueryHelpers.AddQueryString(XDefaults.AuthorizationEndpoint, new KeyValuePair<string, string?>[]
        {
            new("response_type", "code"),
            new("client_id", Settings.ClientId),
            new("redirect_uri", request.RedirectUri),
            new("scope", string.Join(' ', XDefaults.Scopes)),
            new("state", request.State),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", "S256"),
        });
        return Task.FromResult(new OAuthAuthorization(new Uri(url), UsesPkce: true));
    }

    public async Task<TokenSet> ExchangeCodeAsync(OAuthCodeExchange exchange, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(exchange.CodeVerifier))
            throw new ProviderException(ProviderErrorKind.AppMisconfigured, "The PKCE verifier of this connection is missing. Start again from Connect.");
        using var request = TokenRequest(
            ("grant_type", "authorization_code"), ("code", exchange.Code), ("redirect_uri", exchange.RedirectUri),
            ("code_verifier", exchange.CodeVerifier), ("client_id", Settings.ClientId ?? ""));
        var token = await SendTokenRequestAsync(request, ct);
        if (token.Scope is not null && XDefaults.Scopes.Except(token.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList() is { Count: > 0 } missing)
            throw new ProviderException(ProviderErrorKind.Rejected,
                $"X did not grant the permissions Sosyabot needs ({string.Join(", ", missing)}). Check that the app has read and write access, then connect again.");
        return ToTokenSet(token);
    }

    public async Task<ConnectedAccount> GetAccountAsync(TokenSet tokens, string? issuer, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, XDefaults.MeEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var user = (await Api().SendForJsonAsync(request, ct)).Deserialize<XUserResponse>()?.Data;
        if (user?.Id is not { Length: > 0 } id || user.Username is not { Length: > 0 } username)
            throw new ProviderException(ProviderErrorKind.Transient, "X answered the profile request without an account id or username.");
        return new ConnectedAccount(id, user.Name is { Length: > 0 } name ? name : username, username, HttpsUrl(user.ProfileImageUrl), tokens);
    }

    public async Task<TokenSet> RefreshAsync(ChannelContext channel, CancellationToken ct)
    {
        if (channel.LoginType == LoginType.Credentials) return await RecheckSessionAsync(channel, ct);
        if (string.IsNullOrEmpty(channel.RefreshToken))
            throw new ProviderException(ProviderErrorKind.Auth, "No X refresh token is stored for this channel. Reconnect it.");
        // X refresh tokens are single use: the answer carries the next one, which the caller stores
        // under the channel lock before anything else can spend the old one.
        using var request = TokenRequest(("grant_type", "refresh_token"), ("refresh_token", channel.RefreshToken), ("client_id", Settings.ClientId ?? ""));
        return ToTokenSet(await SendTokenRequestAsync(request, ct));
    }

    // Confidential client: HTTP Basic with the client id and secret; X also wants client_id in the form.
    private HttpRequestMessage TokenRequest(params (string Key, string Value)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, XDefaults.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.ClientId}:{Settings.ClientSecret}")));
        return request;
    }

    private async Task<XTokenResponse> SendTokenRequestAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = (await Api().SendForJsonAsync(request, ct)).Deserialize<XTokenResponse>();
        return token is { AccessToken.Length: > 0 }
            ? token
            : throw new ProviderException(ProviderErrorKind.Transient, "X answered the token request without an access token.");
    }

    private TokenSet ToTokenSet(XTokenResponse token) => new(
        token.AccessToken!,
        string.IsNullOrEmpty(token.RefreshToken) ? null : token.RefreshToken,
        token.ExpiresIn is long seconds && seconds > 0 ? clock.GetUtcNow().AddSeconds(seconds) : null);

    private static string? HttpsUrl(string? raw) =>
        Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;

    private ProviderApi Api() =>
        apis.Create(ProviderClients.For(XDefaults.Key), Info.DisplayName, new XErrorInspector(clock));
}
