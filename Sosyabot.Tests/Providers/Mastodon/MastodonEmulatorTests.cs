using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Mastodon;

namespace Sosyabot.Tests.Providers.Mastodon;

// The emulator refuses what a real Mastodon server refuses; otherwise the connect tests would prove little.
public class MastodonEmulatorTests : IAsyncLifetime
{
    private const string Callback = "https://app.example/api/v1/auth/mastodon/callback";
    private ProviderEmulator _emulator = default!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync() => _emulator = await ProviderEmulator.StartAsync(new MastodonEmulator());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("", Callback, "read", "Application name can't be blank")]
    [InlineData("Sosyabot", "", "read", "Redirect URI can't be blank")]
    [InlineData("Sosyabot", "/relative/callback", "read", "Redirect URI must be an absolute URI.")]
    [InlineData("Sosyabot", "https://app.example/cb#fragment", "read", "Redirect URI must be an absolute URI.")]
    [InlineData("Sosyabot", Callback, "read:accounts write:everything", "Scopes doesn't match configured on the server.")]
    public async Task App_registration_validates_its_input(string name, string redirect, string scopes, string error)
    {
        var response = await PostAsync("mastodon-a/api/v1/apps", ("client_name", name), ("redirect_uris", redirect), ("scopes", scopes));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Validation failed: " + error, response.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Only_the_old_server_lacks_metadata_and_the_profile_scope()
    {
        var current = await _http.GetAsync(_emulator.Url("mastodon-a/.well-known/oauth-authorization-server"));
        var old = await _http.GetAsync(_emulator.Url("mastodon-b/.well-known/oauth-authorization-server"));

        using var metadata = JsonDocument.Parse(await current.Content.ReadAsStringAsync());
        Assert.Equal("https://mastodon.example/", metadata.RootElement.GetProperty("issuer").GetString());
        Assert.Equal(["S256"], metadata.RootElement.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        var profileOnOld = await PostAsync("mastodon-b/api/v1/apps", ("client_name", "x"), ("redirect_uris", Callback), ("scopes", "profile"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, profileOnOld.Status);
    }

    [Fact]
    public async Task Authorize_refuses_unknown_clients_foreign_redirects_and_extra_scopes()
    {
        var app = await RegisterAsync("mastodon-a");

        var unknown = await AuthorizeAsync("mastodon-a", "nobody", Callback, "read:accounts");
        var foreign = await AuthorizeAsync("mastodon-a", app.ClientId, "https://evil.example/cb", "read:accounts");
        var extra = await AuthorizeAsync("mastodon-a", app.ClientId, Callback, "read:accounts admin:read");
        var plain = await AuthorizeAsync("mastodon-a", app.ClientId, Callback, "read:accounts", ("code_challenge", "abc"), ("code_challenge_method", "plain"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("invalid_scope", QueryHelpers.ParseQuery(extra.Headers.Location!.Query)["error"]);
        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(plain.Headers.Location!.Query)["error"]);
    }

    [Fact]
    public async Task Token_requires_the_client_secret_the_same_redirect_an_unused_code_and_the_right_verifier()
    {
        var app = await RegisterAsync("mastodon-a");
        var verifier = new string('v', 43);
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var wrongSecret = await ExchangeAsync("mastodon-a", app, await CodeAsync("mastodon-a", app, challenge), verifier, secret: "wrong");
        var wrongRedirect = await ExchangeAsync("mastodon-a", app, await CodeAsync("mastodon-a", app, challenge), verifier, redirect: "https://app.example/other");
        var wrongVerifier = await ExchangeAsync("mastodon-a", app, await CodeAsync("mastodon-a", app, challenge), new string('w', 43));
        var missingVerifier = await ExchangeAsync("mastodon-a", app, await CodeAsync("mastodon-a", app, challenge), null);
        var unchallenged = await ExchangeAsync("mastodon-a", app, await CodeAsync("mastodon-a", app, null), verifier);
        var code = await CodeAsync("mastodon-a", app, challenge);
        var good = await ExchangeAsync("mastodon-a", app, code, verifier);
        var reused = await ExchangeAsync("mastodon-a", app, code, verifier);

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (wrongSecret.Status, wrongSecret.Json.GetProperty("error").GetString()));
        Assert.All([wrongRedirect, wrongVerifier, missingVerifier, unchallenged, reused],
            r => Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (r.Status, r.Json.GetProperty("error").GetString())));
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Equal("Bearer", good.Json.GetProperty("token_type").GetString());
        Assert.False(good.Json.TryGetProperty("refresh_token", out _));
        Assert.False(good.Json.TryGetProperty("expires_in", out _));
    }

    [Fact]
    public async Task The_old_server_ignores_pkce_parameters()
    {
        var app = await RegisterAsync("mastodon-b");

        var result = await ExchangeAsync("mastodon-b", app, await CodeAsync("mastodon-b", app, "some-challenge"), null);

        Assert.Equal(HttpStatusCode.OK, result.Status);
    }

    [Fact]
    public async Task Verify_credentials_needs_a_live_user_token()
    {
        var app = await RegisterAsync("mastodon-a");
        var user = (await ExchangeAsync("mastodon-a", app, await CodeAsync("mastodon-a", app, null), null)).Json.GetProperty("access_token").GetString()!;
        var appToken = (await PostAsync("mastodon-a/oauth/token", ("grant_type", "client_credentials"), ("client_id", app.ClientId),
            ("client_secret", app.ClientSecret), ("scope", "read:accounts"))).Json.GetProperty("access_token").GetString()!;

        var ok = await VerifyAsync(user);
        var none = await VerifyAsync(null);
        var ofApp = await VerifyAsync(appToken);
        _emulator.Platform<MastodonEmulator>().Current.RevokeTokensOf("1");
        var revoked = await VerifyAsync(user);

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("alice", ok.Json.GetProperty("username").GetString());
        Assert.Equal((HttpStatusCode.Unauthorized, "The access token is invalid"), (none.Status, none.Json.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "This method requires an authenticated user"), (ofApp.Status, ofApp.Json.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.Unauthorized, "The access token is invalid"), (revoked.Status, revoked.Json.GetProperty("error").GetString()));
    }

    private sealed record App(string ClientId, string ClientSecret);

    private sealed record Answer(HttpStatusCode Status, JsonElement Json);

    private async Task<App> RegisterAsync(string prefix)
    {
        var response = await PostAsync(prefix + "/api/v1/apps", ("client_name", "Sosyabot"), ("redirect_uris", Callback), ("scopes", "read:accounts write:statuses"));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return new App(response.Json.GetProperty("client_id").GetString()!, response.Json.GetProperty("client_secret").GetString()!);
    }

    private async Task<HttpResponseMessage> AuthorizeAsync(string prefix, string clientId, string redirect, string scope, params (string, string)[] extra)
    {
        var query = new Dictionary<string, string?> { ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirect, ["scope"] = scope, ["state"] = "s" };
        foreach (var (k, v) in extra) query[k] = v;
        return await _http.GetAsync(QueryHelpers.AddQueryString(_emulator.Url(prefix + "/oauth/authorize"), query));
    }

    private async Task<string> CodeAsync(string prefix, App app, string? challenge)
    {
        var response = challenge is null
            ? await AuthorizeAsync(prefix, app.ClientId, Callback, "read:accounts")
            : await AuthorizeAsync(prefix, app.ClientId, Callback, "read:accounts", ("code_challenge", challenge), ("code_challenge_method", "S256"));
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    private Task<Answer> ExchangeAsync(string prefix, App app, string code, string? verifier, string? secret = null, string redirect = Callback)
    {
        var form = new List<(string, string)>
        {
            ("grant_type", "authorization_code"), ("code", code), ("client_id", app.ClientId),
            ("client_secret", secret ?? app.ClientSecret), ("redirect_uri", redirect), ("scope", "read:accounts"),
        };
        if (verifier is not null) form.Add(("code_verifier", verifier));
        return PostAsync(prefix + "/oauth/token", [.. form]);
    }

    private async Task<Answer> VerifyAsync(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _emulator.Url("mastodon-a/api/v1/accounts/verify_credentials"));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ReadAsync(await _http.SendAsync(request));
    }

    private async Task<Answer> PostAsync(string path, params (string Key, string Value)[] form) =>
        await ReadAsync(await _http.PostAsync(_emulator.Url(path), new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value)))));

    private static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Answer(response.StatusCode, json.RootElement.Clone());
    }
}
