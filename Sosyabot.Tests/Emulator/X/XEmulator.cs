using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.X;

// X's OAuth 2.0 (authorization code + PKCE, confidential client), GET /2/users/me, and the web app's
// cookie-authenticated verify_credentials call, with the bodies X really sends: token errors as
// {"error":"invalid_request","error_description":"Value passed for the … was invalid."}, v2 errors as
// problem+json, v1.1 errors as {"errors":[{"code":…,"message":…}]}. Refresh tokens are single use.
// Publishing (tweets, timeline, media upload) is in XEmulator.Tweets.cs and XEmulator.Media.cs.
public sealed partial class XEmulator : IPlatformEmulator
{
    public const string ClientId = "x-test-client";
    public const string ClientSecret = "x-test-secret";
    public const string RegisteredRedirectUri = "http://127.0.0.1/api/v1/auth/x/callback";
    public const int AccessTokenSeconds = 7200;
    public const string WebBearerToken =
        "AAAAAAAAAAAAAAAAAAAAANRILgAAAAAAnNwIzUejRCOuH5E6I8xnZz4puTs%3D1Zv7ttfk8LF81IUq16cHjhLTvJu4FA33AGWWjCpTnA";

    private static readonly HashSet<string> KnownScopes =
        ["tweet.read", "tweet.write", "tweet.moderate.write", "users.read", "follows.read", "follows.write", "offline.access",
         "space.read", "mute.read", "mute.write", "like.read", "like.write", "list.read", "list.write", "block.read",
         "block.write", "bookmark.read", "bookmark.write", "media.write"];

    private readonly OAuthCodeStore _store = new();
    private readonly ConcurrentDictionary<string, XAccount> _accounts = new();
    private readonly ConcurrentDictionary<string, string> _scopeOfToken = new();
    private readonly ConcurrentDictionary<string, string> _webSessions = new();
    private readonly ConcurrentQueue<XIssuedToken> _issued = new();

    public IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string>
    {
        ["https://x.com"] = "x-web/",
        ["https://api.x.com"] = "x-api/",
    };

    // The account signed in on x.com in the test's browser: the one the consent page authorizes.
    public XAccount? SignedIn { get; set; }

    // Scopes the consent answer leaves out, as when the app only has read access.
    public HashSet<string> WithheldScopes { get; } = [];

    public IReadOnlyList<XIssuedToken> Issued => _issued.ToList();

    public XAccount CreateAccount(string username, string? name = null)
    {
        var id = Random.Shared.NextInt64(1_000_000_000_000_000L, 1_999_999_999_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var account = new XAccount(id, username, name ?? username, $"https://pbs.twimg.com/profile_images/{id}/avatar_normal.jpg");
        _accounts[id] = account;
        return account;
    }

    public XAccount SignIn(XAccount account) => SignedIn = account;

    // A user token as a finished consent grants it, for contract tests that call the API themselves.
    public string IssueAccessToken(XAccount account, string scope)
    {
        var access = _store.IssueAccessToken(account.Id);
        Remember(account.Id, scope, access, null);
        return access;
    }

    // A browser signing in to x.com: the auth_token and ct0 cookies it is given.
    public XWebCookies CreateWebSession(XAccount account)
    {
        var cookies = new XWebCookies(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(80)));
        _webSessions[cookies.AuthToken] = account.Id;
        return cookies;
    }

    // Signing out of that browser, or "log out of all other sessions".
    public void EndWebSession(string authToken) => _webSessions.TryRemove(authToken, out _);

    // What removing the app at x.com/settings/connected_apps does to one token.
    public void Revoke(string token) => _store.Revoke(token);

    public void RevokeAll(XAccount account) => _store.RevokeAccount(account.Id);

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        routes.MapGet("/x-web/i/oauth2/authorize", (HttpContext http) => Authorize(http, emulator));
        routes.MapPost("/x-api/2/oauth2/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        routes.MapGet("/x-api/2/users/me", (HttpContext http) => Me(http));
        routes.MapGet("/x-api/1.1/account/verify_credentials.json", (HttpContext http) => VerifyCredentials(http));
        MapTweets(routes);
        MapMedia(routes);
    }

    private IResult Authorize(HttpContext http, ProviderEmulator emulator)
    {
        var q = http.Request.Query;
        // X shows its own error page for a bad request and never redirects to an unregistered URI.
        if (q["client_id"] != ClientId || q["redirect_uri"] != RegisteredRedirectUri || q["response_type"] != "code")
            return ErrorPage();
        var scopes = q["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0 || scopes.Any(s => !KnownScopes.Contains(s))) return ErrorPage();
        var state = q["state"].ToString();
        if (state.Length is 0 or > 500) return ErrorPage();
        var challenge = q["code_challenge"].ToString();
        var method = q["code_challenge_method"].ToString();
        if (challenge.Length == 0 || method is not ("S256" or "plain")) return ErrorPage();
        if (SignedIn is not { } account) return Results.Text("emulator: no X account is signed in", statusCode: 500);

        var granted = string.Join(' ', scopes.Where(s => !WithheldScopes.Contains(s)));
        return ConsentPage.Answer(emulator, "X", RegisteredRedirectUri, state, () =>
            _store.IssueCode(new OAuthCodeStore.IssuedCode(ClientId, RegisteredRedirectUri, granted, challenge, method, account.Id)));
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        if (!BasicClientAuth.Matches(http, ClientId, ClientSecret))
            return Json(401, """{"error":"unauthorized_client","error_description":"Missing valid authorization header"}""");
        var form = await http.Request.ReadFormAsync();
        if (string.IsNullOrEmpty(form["client_id"]))
            return Json(400, """{"error":"invalid_request","error_description":"Missing required parameter [client_id]."}""");
        return form["grant_type"].ToString() switch
        {
            "authorization_code" => ExchangeCode(form["code"], form["redirect_uri"], form["code_verifier"], form["client_id"]),
            "refresh_token" => Refresh(form["refresh_token"]),
            _ => Json(400, """{"error":"unsupported_grant_type","error_description":"Value passed for the grant type was invalid."}"""),
        };
    }

    private IResult ExchangeCode(string? code, string? redirectUri, string? verifier, string? clientId)
    {
        var issued = string.IsNullOrEmpty(code) ? null : _store.TakeCode(code);
        if (issued is null || issued.ClientId != clientId || issued.RedirectUri != redirectUri
            || string.IsNullOrEmpty(verifier) || !VerifierMatches(issued, verifier))
            return Json(400, """{"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}""");

        string access;
        string? refresh = null;
        if (issued.Scope.Split(' ').Contains("offline.access")) (access, refresh) = _store.IssueTokens(issued.AccountId);
        else access = _store.IssueAccessToken(issued.AccountId);
        Remember(issued.AccountId, issued.Scope, access, refresh);
        return TokenAnswer(access, refresh, issued.Scope);
    }

    // Single use: the old refresh token dies the moment the new pair is issued.
    private IResult Refresh(string? refreshToken)
    {
        var scope = string.IsNullOrEmpty(refreshToken) ? null : _scopeOfToken.GetValueOrDefault(refreshToken);
        if (string.IsNullOrEmpty(refreshToken) || _store.Rotate(refreshToken, out var next) is not { } accountId)
            return Json(400, """{"error":"invalid_request","error_description":"Value passed for the token was invalid."}""");
        var access = _store.IssueAccessToken(accountId);
        Remember(accountId, scope ?? "", access, next);
        return TokenAnswer(access, next, scope ?? "");
    }

    private IResult Me(HttpContext http)
    {
        if (Caller(http, out var account, "users.read", "tweet.read") is { } refused) return refused;

        AddRateLimitHeaders(http, limit: 75);
        var fields = http.Request.Query["user.fields"].ToString().Split(',');
        var data = new Dictionary<string, object?> { ["id"] = account.Id, ["name"] = account.Name, ["username"] = account.Username };
        if (fields.Contains("profile_image_url")) data["profile_image_url"] = account.ProfileImageUrl;
        return Results.Json(new { data });
    }

    // The web app's session check: its public bearer token, the auth_token and ct0 cookies, and ct0
    // echoed in x-csrf-token (double-submit CSRF).
    private IResult VerifyCredentials(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization)) return Json(400, """{"errors":[{"code":215,"message":"Bad Authentication data."}]}""");
        if (authorization != $"Bearer {WebBearerToken}") return Json(401, """{"errors":[{"code":89,"message":"Invalid or expired token."}]}""");
        var ct0 = http.Request.Cookies["ct0"];
        var csrf = http.Request.Headers["x-csrf-token"].ToString();
        if (string.IsNullOrEmpty(ct0) || ct0 != csrf)
            return Json(403, """{"errors":[{"code":353,"message":"This request requires a matching csrf cookie and header."}]}""");
        var authToken = http.Request.Cookies["auth_token"];
        if (authToken is null || !_webSessions.TryGetValue(authToken, out var accountId) || !_accounts.TryGetValue(accountId, out var account))
            return Json(401, """{"errors":[{"code":32,"message":"Could not authenticate you."}]}""");

        AddRateLimitHeaders(http, limit: 75);
        return Results.Json(new Dictionary<string, object?>
        {
            ["id"] = long.Parse(account.Id, System.Globalization.CultureInfo.InvariantCulture),
            ["id_str"] = account.Id,
            ["name"] = account.Name,
            ["screen_name"] = account.Username,
            ["protected"] = false,
            ["followers_count"] = 7,
            ["profile_image_url_https"] = account.ProfileImageUrl,
        });
    }

    // The user behind the bearer token, when the token carries every scope the endpoint needs.
    private IResult? Caller(HttpContext http, out XAccount account, params string[] scopes)
    {
        account = default!;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;
        if (_store.AccountOfAccessToken(token) is not { } accountId || !_accounts.TryGetValue(accountId, out account!))
            return Problem(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""");
        var granted = _scopeOfToken.GetValueOrDefault(token!, "").Split(' ');
        return scopes.All(granted.Contains)
            ? null
            : Problem(403, """{"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden"}""");
    }

    private void Remember(string accountId, string scope, string access, string? refresh)
    {
        _scopeOfToken[access] = scope;
        if (refresh is not null) _scopeOfToken[refresh] = scope;
        _issued.Enqueue(new XIssuedToken(accountId, access, refresh));
    }

    private static bool VerifierMatches(OAuthCodeStore.IssuedCode code, string verifier) =>
        code.ChallengeMethod == "plain" ? code.CodeChallenge == verifier : OAuthCodeStore.VerifierMatches(code, verifier);

    private static IResult TokenAnswer(string access, string? refresh, string scope)
    {
        var body = new Dictionary<string, object?>
        {
            ["token_type"] = "bearer",
            ["expires_in"] = AccessTokenSeconds,
            ["access_token"] = access,
            ["scope"] = scope,
        };
        if (refresh is not null) body["refresh_token"] = refresh;
        return Results.Json(body);
    }

    private static void AddRateLimitHeaders(HttpContext http, int limit)
    {
        http.Response.Headers["x-rate-limit-limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["x-rate-limit-remaining"] = (limit - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["x-rate-limit-reset"] = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IResult Json(int status, string body) => Results.Content(body, "application/json; charset=utf-8", Encoding.UTF8, status);

    private static IResult Problem(int status, string body) => Results.Content(body, "application/problem+json", Encoding.UTF8, status);

    private static IResult ErrorPage() =>
        Results.Content("<!DOCTYPE html><html><body><h1>Something went wrong</h1><p>You weren't able to give access to the App. Go back and try logging in again.</p></body></html>",
            "text/html", Encoding.UTF8, 400);
}

public sealed record XAccount(string Id, string Username, string Name, string ProfileImageUrl);

public sealed record XWebCookies(string AuthToken, string Ct0);

public sealed record XIssuedToken(string AccountId, string AccessToken, string? RefreshToken);
