using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Sosyabot.Core.Net;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Mastodon;

// OAuth 2.0 against whichever server the user names. PKCE (S256) and state when the server's RFC 8414
// metadata advertises S256 (4.3+), state alone on older servers (reliability rule 4).
// https://docs.joinmastodon.org/methods/oauth/ , https://docs.joinmastodon.org/spec/oauth/
public sealed partial class MastodonProvider(MastodonClients clients, MastodonAppRegistry apps, SafeHttpPolicy addresses) : IOAuthProvider
{
    public PlatformInfo Info => MastodonDefaults.Info;

    public IReadOnlyList<string> MissingSettings => [];

    public bool RequiresInstance => true;

    public async Task<OAuthAuthorization> CreateAuthorizationAsync(OAuthAuthorizationRequest request, CancellationToken ct)
    {
        var instance = ServerAddress.Normalize(request.Instance, "Mastodon server", addresses, allowPath: false);
        var metadata = await GetMetadataAsync(instance, ct);
        var usesPkce = metadata?.CodeChallengeMethodsSupported?.Contains("S256") == true;
        // No metadata means a server older than 4.3, where unused apps are deleted after a day.
        var app = await apps.GetOrRegisterAsync(instance, request.RedirectUri, keepAlive: metadata is null, ct);

        var query = new Dictionary<string, string?>
        {
            ["client_id"] = app.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = request.RedirectUri,
            ["scope"] = app.Scopes,
            ["state"] = request.State,
        };
        if (usesPkce)
        {
            query["code_challenge"] = request.CodeChallenge;
            query["code_challenge_method"] = "S256";
        }
        return new OAuthAuthorization(new Uri(QueryHelpers.AddQueryString(instance + MastodonDefaults.AuthorizePath, query)), usesPkce, instance);
    }

    public async Task<TokenSet> ExchangeCodeAsync(OAuthCodeExchange exchange, CancellationToken ct)
    {
        var instance = RequireIssuer(exchange.Issuer);
        var app = await apps.GetAsync(instance, exchange.RedirectUri, ct);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret,
            ["redirect_uri"] = exchange.RedirectUri,
            ["scope"] = app.Scopes,
        };
        if (exchange.CodeVerifier is not null) form["code_verifier"] = exchange.CodeVerifier;

        JsonElement json;
        try
        {
            json = await clients.For(instance).SendForJsonAsync(
                new HttpRequestMessage(HttpMethod.Post, instance + MastodonDefaults.TokenPath) { Content = new FormUrlEncodedContent(form) }, ct);
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.AppMisconfigured)
        {
            // invalid_client: our registration is gone from the server. No operator setting can fix
            // that; registering again on the next connect does.
            await apps.ForgetAsync(instance, app.ClientId, ct);
            throw new ProviderException(ProviderErrorKind.AppMisconfigured,
                $"{MastodonInstance.Authority(instance)} no longer knows this app's registration, so it was reset. Start the connection again.", statusCode: e.StatusCode);
        }
        var token = json.Deserialize<MastodonToken>(MastodonJson.Options);
        if (string.IsNullOrEmpty(token?.AccessToken))
            throw new ProviderException(ProviderErrorKind.Transient, $"{MastodonInstance.Authority(instance)} did not return an access token.");
        // Tokens do not expire and there is no refresh token (Doorkeeper access_token_expires_in nil).
        return new TokenSet(token.AccessToken);
    }

    public async Task<ConnectedAccount> GetAccountAsync(TokenSet tokens, string? issuer, CancellationToken ct)
    {
        var instance = RequireIssuer(issuer);
        var request = new HttpRequestMessage(HttpMethod.Get, instance + MastodonDefaults.VerifyCredentialsPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var account = (await clients.For(instance).SendForJsonAsync(request, ct)).Deserialize<MastodonAccount>(MastodonJson.Options);
        var server = MastodonInstance.Authority(instance);
        if (string.IsNullOrEmpty(account?.Id) || string.IsNullOrEmpty(account.Username))
            throw new ProviderException(ProviderErrorKind.Transient, $"{server} did not describe the account.");

        // Account ids are only unique within one server: the same id on two servers is two people.
        return new ConnectedAccount(
            Pid: $"{account.Id}@{server}",
            DisplayName: string.IsNullOrWhiteSpace(account.DisplayName) ? account.Username : account.DisplayName,
            Username: $"@{account.Username}@{server}",
            AvatarUrl: string.IsNullOrEmpty(account.Avatar) ? null : account.Avatar,
            Tokens: tokens,
            Settings: new JsonObject { [ConnectedAccount.InstanceSetting] = instance });
    }

    // Mastodon 4.3+ publishes RFC 8414 metadata; older servers (and other software) answer 404 or a
    // page that is not JSON, which means "no PKCE": state alone protects the flow there.
    private async Task<MastodonServerMetadata?> GetMetadataAsync(string instance, CancellationToken ct)
    {
        try
        {
            var response = await clients.For(instance).SendAsync(new HttpRequestMessage(HttpMethod.Get, instance + MastodonDefaults.MetadataPath), ct);
            return response.Json is { ValueKind: JsonValueKind.Object } json ? json.Deserialize<MastodonServerMetadata>(MastodonJson.Options) : null;
        }
        catch (ProviderException e) when (e.Kind is ProviderErrorKind.Rejected or ProviderErrorKind.Auth)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The issuer was stored with the flow by CreateAuthorizationAsync; without it there is no server to call.
    private static string RequireIssuer(string? issuer) =>
        string.IsNullOrEmpty(issuer)
            ? throw new ProviderException(ProviderErrorKind.AppMisconfigured, "The connection did not record which Mastodon server it started on. Start again.")
            : issuer;
}
