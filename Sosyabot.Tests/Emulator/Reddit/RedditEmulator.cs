using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Reddit;

// Reddit's OAuth2 "web app" flow and the API calls Sosyabot makes, as reddit-archive/reddit
// (r2/controllers/oauth2.py) implements them and praw-dev/prawcore's recorded cassettes show them:
// errors from the token endpoint often arrive with HTTP 200, a refused refresh token is 400 {"error": 400},
// and calls without a User-Agent are throttled.
public sealed partial class RedditEmulator : IPlatformEmulator
{
    public const string ClientId = "reddit-test-client";
    public const string ClientSecret = "reddit-test-secret";
    public const string UserAgent = "sosyabot-tests:1.0 (by /u/sosyabot)";
    // What the operator registered for the app at reddit.com/prefs/apps: the test app's App:BaseUrl
    // callback (browser tests serve the app on another port and set it).
    public string RegisteredRedirectUri { get; set; } = "http://127.0.0.1/api/v1/auth/reddit/callback";
    public const int AccessTokenSeconds = 3600;

    private static readonly HashSet<string> KnownScopes =
        ["identity", "edit", "flair", "history", "modconfig", "modflair", "modlog", "modposts", "modwiki", "mysubreddits",
         "privatemessages", "read", "report", "save", "submit", "subscribe", "vote", "wikiedit", "wikiread"];

    private readonly OAuthCodeStore _store = new();
    private readonly ConcurrentDictionary<string, RedditAccount> _accounts = new();
    private readonly ConcurrentDictionary<string, string> _scopeOfToken = new();
    private readonly ConcurrentDictionary<string, bool> _permanentCodes = new();
    private readonly ConcurrentQueue<RedditIssuedToken> _issued = new();

    public IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string>
    {
        ["https://www.reddit.com"] = "reddit-www/",
        ["https://oauth.reddit.com"] = "reddit-oauth/",
        [MediaBucket] = "reddit-s3/",
    };

    // The account signed in on reddit.com in the test's browser: the one the consent page authorizes.
    public RedditAccount? SignedIn { get; set; }

    // Reddit's documented refresh answer has no refresh_token; some clients have seen a new one.
    public bool RotateRefreshTokens { get; set; }

    public IReadOnlyList<RedditIssuedToken> Issued => _issued.ToList();

    public RedditAccount CreateAccount(string name, string? title = null, string? iconImg = null)
    {
        var id = Convert.ToString(Random.Shared.NextInt64(1L << 30, 1L << 40), 16);
        var account = new RedditAccount(id, name, title ?? "",
            iconImg ?? $"https://styles.redditmedia.com/t5_{id}/styles/profileIcon_{name}.png?width=256&height=256&crop=256:256,smart&s=0123abcd");
        _accounts[id] = account;
        return account;
    }

    public RedditAccount SignIn(RedditAccount account) => SignedIn = account;

    // What "revoke access" at reddit.com/prefs/apps does to one token.
    public void Revoke(string token) => _store.Revoke(token);

    public void RevokeAll(RedditAccount account) => _store.RevokeAccount(account.Id);

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        routes.MapGet("/reddit-www/api/v1/authorize", (HttpContext http) => Authorize(http, emulator));
        routes.MapPost("/reddit-www/api/v1/access_token", (Func<HttpContext, Task<IResult>>)AccessTokenAsync);
        routes.MapGet("/reddit-oauth/api/v1/me", (HttpContext http) => Me(http));
        MapPublishing(routes);
    }

    private IResult Authorize(HttpContext http, ProviderEmulator emulator)
    {
        var q = http.Request.Query;
        // Reddit checks the client and redirect URI first and shows a 400 page, never redirecting to an unverified URI.
        if (q["client_id"] != ClientId) return ErrorPage("invalid client id.");
        if (q["redirect_uri"] != RegisteredRedirectUri) return ErrorPage("invalid redirect_uri parameter.");
        if (q["response_type"] != "code") return ErrorPage("invalid response_type parameter.");
        var scope = q["scope"].ToString();
        var scopes = Scopes(scope);
        if (scopes.Length == 0 || scopes.Any(s => !KnownScopes.Contains(s))) return ErrorPage("invalid scope requested.");
        if (string.IsNullOrEmpty(q["state"])) return ErrorPage("missing state parameter.");
        var duration = q["duration"].ToString() is { Length: > 0 } d ? d : "temporary";
        if (duration is not ("temporary" or "permanent")) return ErrorPage("invalid duration parameter.");
        if (SignedIn is not { } account) return Results.Text("emulator: no Reddit account is signed in", statusCode: 500);

        return ConsentPage.Answer(emulator, "Reddit", RegisteredRedirectUri, q["state"], () =>
        {
            var code = _store.IssueCode(new OAuthCodeStore.IssuedCode(ClientId, RegisteredRedirectUri, string.Join(' ', scopes), null, null, account.Id));
            _permanentCodes[code] = duration == "permanent";
            return code;
        });
    }

    private async Task<IResult> AccessTokenAsync(HttpContext http)
    {
        if (MissingUserAgent(http)) return Throttled();
        if (!BasicClientAuth.Matches(http, ClientId, ClientSecret))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"reddit\"";
            return Json(401, """{"message": "Unauthorized", "error": 401}""");
        }
        var form = await http.Request.ReadFormAsync();
        return form["grant_type"].ToString() switch
        {
            "authorization_code" => ExchangeCode(form["code"], form["redirect_uri"]),
            "refresh_token" => Refresh(form["refresh_token"]),
            _ => Json(200, """{"error": "unsupported_grant_type"}"""),
        };
    }

    private IResult ExchangeCode(string? code, string? redirectUri)
    {
        if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(redirectUri)) return Json(200, """{"error": "invalid_request"}""");
        var issued = _store.TakeCode(code);
        var permanent = _permanentCodes.TryRemove(code, out var p) && p;
        // A reused, unknown or foreign code and a redirect_uri differing from the authorize request's
        // all get the same answer, with HTTP 200.
        if (issued is null || issued.ClientId != ClientId || issued.RedirectUri != redirectUri)
            return Json(200, """{"error": "invalid_grant"}""");

        string access;
        string? refresh = null;
        if (permanent) (access, refresh) = _store.IssueTokens(issued.AccountId);
        else access = _store.IssueAccessToken(issued.AccountId);
        Remember(issued.AccountId, issued.Scope, access, refresh);
        return TokenAnswer(access, refresh, issued.Scope);
    }

    private IResult Refresh(string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken)) return Json(400, """{"error": "invalid_request"}""");
        if (_store.AccountOfRefreshToken(refreshToken) is not { } accountId) return Json(400, """{"error": 400}""");
        var scope = _scopeOfToken.GetValueOrDefault(refreshToken, "");
        string? rotated = null;
        if (RotateRefreshTokens)
        {
            _store.Rotate(refreshToken, out var next);
            rotated = next;
        }
        var access = _store.IssueAccessToken(accountId);
        Remember(accountId, scope, access, rotated);
        return TokenAnswer(access, rotated, scope);
    }

    // The API's bearer check: unknown token 401, a grant without the scope 403 insufficient_scope.
    private IResult? Authenticate(HttpContext http, string scope, out RedditAccount account)
    {
        account = default!;
        if (MissingUserAgent(http)) return Throttled();
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..] : null;
        if (_store.AccountOfAccessToken(token) is not { } accountId || !_accounts.TryGetValue(accountId, out account!))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"reddit\", error=\"invalid_token\"";
            return Json(401, """{"message": "Unauthorized", "error": 401}""");
        }
        if (!Scopes(_scopeOfToken.GetValueOrDefault(token!, "")).Contains(scope))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"reddit\", error=\"insufficient_scope\"";
            return Json(403, """{"message": "Forbidden", "error": 403}""");
        }
        AddRateLimitHeaders(http);
        return null;
    }

    private IResult Me(HttpContext http)
    {
        if (Authenticate(http, "identity", out var account) is { } denied) return denied;
        // Without raw_json=1 Reddit HTML-escapes '&' in every string it returns.
        var raw = http.Request.Query["raw_json"] == "1";
        string Text(string value) => raw ? value : value.Replace("&", "&amp;");
        return Results.Json(new Dictionary<string, object?>
        {
            ["id"] = account.Id,
            ["name"] = account.Name,
            ["icon_img"] = Text(account.IconImg),
            ["snoovatar_img"] = "",
            ["has_verified_email"] = true,
            ["created_utc"] = 1_600_000_000.0,
            ["total_karma"] = 42,
            ["subreddit"] = new Dictionary<string, object?>
            {
                ["display_name"] = $"u_{account.Name}",
                ["display_name_prefixed"] = $"u/{account.Name}",
                ["title"] = account.Title,
                ["icon_img"] = Text(account.IconImg),
            },
        });
    }

    private void Remember(string accountId, string scope, string access, string? refresh)
    {
        _scopeOfToken[access] = scope;
        if (refresh is not null) _scopeOfToken[refresh] = scope;
        _issued.Enqueue(new RedditIssuedToken(accountId, access, refresh));
    }

    private static IResult TokenAnswer(string access, string? refresh, string scope)
    {
        var body = new Dictionary<string, object?>
        {
            ["access_token"] = access,
            ["token_type"] = "bearer",
            ["expires_in"] = AccessTokenSeconds,
            ["scope"] = scope,
        };
        if (refresh is not null) body["refresh_token"] = refresh;
        return Results.Json(body);
    }

    private static bool MissingUserAgent(HttpContext http) => string.IsNullOrWhiteSpace(http.Request.Headers.UserAgent);

    private static IResult Throttled() => Json(429, """{"message": "Too Many Requests", "error": 429}""");

    private static void AddRateLimitHeaders(HttpContext http)
    {
        http.Response.Headers["x-ratelimit-used"] = "1";
        http.Response.Headers["x-ratelimit-remaining"] = "99.0";
        http.Response.Headers["x-ratelimit-reset"] = "420";
    }

    private static string[] Scopes(string scope) => scope.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    private static IResult Json(int status, string body) => Results.Content(body, "application/json; charset=UTF-8", Encoding.UTF8, status);

    private static IResult ErrorPage(string reason) =>
        Results.Content($"<!DOCTYPE html><html><body><h1>Bad Request</h1><p>{WebUtility.HtmlEncode(reason)}</p></body></html>", "text/html", Encoding.UTF8, 400);
}

public sealed record RedditAccount(string Id, string Name, string Title, string IconImg);

public sealed record RedditIssuedToken(string AccountId, string AccessToken, string? RefreshToken);
