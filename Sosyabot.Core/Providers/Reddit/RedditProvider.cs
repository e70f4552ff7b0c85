using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Reddit;

public sealed partial class RedditProvider(ProviderApiFactory apis, IOptions<RedditOptions> options, TimeProvider clock)
    : IOAuthProvider, ITokenRefresher
{
    private RedditOptions Settings => options.Value;

    public PlatformInfo Info => RedditDefaults.Info;

    public IReadOnlyList<string> MissingSettings =>
    [
        .. string.IsNullOrWhiteSpace(Settings.ClientId) ? [$"{RedditOptions.Section}:ClientId"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(Settings.ClientSecret) ? [$"{RedditOptions.Section}:ClientSecret"] : Array.Empty<string>(),
    ];

    public string UserAgent =>
        string.IsNullOrWhiteSpace(Settings.UserAgent) ? RedditDefaults.DefaultUserAgent : new string(Settings.UserAgent.Where(c => !char.IsControl(c)).ToArray()).Trim();

    // Reddit does not support PKCE; the single-use, browser-bound state is the CSRF defence (RFC 9700 §2.1).
    public Task<OAuthAuthorization> CreateAuthorizationAsync(OAuthAuthorizationRequest request, CancellationToken ct)
    {
        var url = QueryHelpers.AddQueryString(RedditDefaults.AuthorizationEndpoint, new KeyValuePair<string, string?>[]
        {
            new("client_id", Settings.ClientId),
            new("response_type", "code"),
            new("state", request.State),
            new("redirect_uri", request.RedirectUri),
            new("duration", RedditDefaults.Duration),
            new("scope", string.Join(' ', RedditDefaults.Scopes)),
        });
        return Task.FromResult(new OAuthAuthorization(new Uri(url), UsesPkce: false));
    }

    public async Task<TokenSet> ExchangeCodeAsync(OAuthCodeExchange exchange, CancellationToken ct)
    {
        using var request = TokenRequest(("grant_type", "authorization_code"), ("code", exchange.Code), ("redirect_uri", exchange.RedirectUri));
        var token = await SendTokenRequestAsync(request, ct);
        var missing = RedditDefaults.Scopes.Except(ScopesOf(token.Scope)).ToList();
        if (token.Scope is not null && missing.Count > 0)
            throw new ProviderException(ProviderErrorKind.Rejected, $"Reddit did not grant the permissions Sosyabot needs ({string.Join(", ", missing)}). Connect again and allow them.");
        return ToTokenSet(token);
    }

    public async Task<ConnectedAccount> GetAccountAsync(TokenSet tokens, string? issuer, CancellationToken ct)
    {
        using var request = AuthorizedRequest(HttpMethod.Get, RedditDefaults.MeEndpoint, tokens.AccessToken);
        var me = (await Api(RedditErrorInspector.Api).SendForJsonAsync(request, ct)).Deserialize<RedditMe>();
        if (me?.Id is not { Length: > 0 } id || me.Name is not { Length: > 0 } name)
            throw new ProviderException(ProviderErrorKind.Transient, "Reddit answered the profile request without an account id or name.");
        var displayName = me.Subreddit?.Title is { Length: > 0 } title ? title : name;
        return new ConnectedAccount(id, displayName, name, AvatarUrl(me.IconImg) ?? AvatarUrl(me.SnoovatarImg), tokens);
    }

    public async Task<TokenSet> RefreshAsync(ChannelContext channel, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(channel.RefreshToken))
            throw new ProviderException(ProviderErrorKind.Auth, "No Reddit refresh token is stored for this channel. Reconnect it.");
        using var request = TokenRequest(("grant_type", "refresh_token"), ("refresh_token", channel.RefreshToken));
        // Reddit's refresh answer usually has no refresh_token: the stored one stays valid and is kept.
        return ToTokenSet(await SendTokenRequestAsync(request, ct));
    }

    // icon_img comes as "https://styles.redditmedia.com/…/profileIcon_x.png?width=256&amp;height=256&amp;s=…":
    // HTML-escaped unless raw_json=1, and the query only resizes, so the bare file is kept.
    internal static string? AvatarUrl(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var decoded = WebUtility.HtmlDecode(raw.Trim());
        var bare = decoded.Split('?', '#')[0];
        return Uri.TryCreate(bare, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
    }

    private HttpRequestMessage TokenRequest(params (string Key, string Value)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, RedditDefaults.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.ClientId}:{Settings.ClientSecret}")));
        AddUserAgent(request);
        return request;
    }

    private async Task<RedditTokenResponse> SendTokenRequestAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = (await Api(RedditErrorInspector.TokenEndpoint).SendForJsonAsync(request, ct)).Deserialize<RedditTokenResponse>();
        return token is { AccessToken.Length: > 0 }
            ? token
            : throw new ProviderException(ProviderErrorKind.Transient, "Reddit answered the token request without an access token.");
    }

    private TokenSet ToTokenSet(RedditTokenResponse token) => new(
        token.AccessToken!,
        string.IsNullOrEmpty(token.RefreshToken) ? null : token.RefreshToken,
        token.ExpiresIn is long seconds && seconds > 0 ? clock.GetUtcNow().AddSeconds(seconds) : null);

    private HttpRequestMessage AuthorizedRequest(HttpMethod method, string url, ChannelContext channel) =>
        AuthorizedRequest(method, url, channel.AccessToken);

    private HttpRequestMessage AuthorizedRequest(HttpMethod method, string url, string? accessToken)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", accessToken);
        AddUserAgent(request);
        return request;
    }

    // The User-Agent goes on as-is: Reddit's format ("sosyabot:1.0 (…)") is not a valid product token.
    private void AddUserAgent(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

    private static IEnumerable<string> ScopesOf(string? scope) =>
        (scope ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    private ProviderApi Api(IProviderErrorInspector inspector) =>
        apis.Create(ProviderClients.For(RedditDefaults.Key), Info.DisplayName, inspector);
}
