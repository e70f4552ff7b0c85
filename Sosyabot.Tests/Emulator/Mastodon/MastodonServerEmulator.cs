using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Sosyabot.Tests.Emulator.Mastodon;

// What one Mastodon server remembers: registered apps, accounts, who is signed in in the browser,
// codes and tokens. Endpoints are in MastodonServerEmulator.Endpoints.cs.
public sealed partial class MastodonServerEmulator(string origin, string prefix, bool isAtLeast43)
{
    private readonly ConcurrentDictionary<string, EmulatedApp> _apps = new();
    private readonly ConcurrentDictionary<string, EmulatedAccount> _accounts = new(
    [
        // Account ids are per server: both servers have an account "1", and they are different people.
        new("1", new EmulatedAccount("1", "alice", isAtLeast43 ? "Alice" : "Alice on the old server", $"{origin}/system/accounts/avatars/1/original/alice.png")),
        new("2", new EmulatedAccount("2", "carol", "", $"{origin}/avatars/original/missing.png")),
    ]);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new();
    private readonly OAuthCodeStore _codes = new();
    private readonly Lock _tokenLock = new();
    private int _nextAppId = 1000;

    public sealed record EmulatedApp(string Id, string Name, string ClientId, string ClientSecret, string[] RedirectUris, string[] Scopes);

    public sealed record EmulatedAccount(string Id, string Username, string DisplayName, string Avatar);

    // AccountId null: an app token from the client_credentials grant.
    public sealed record IssuedToken(string ClientId, string? AccountId, string Scope);

    public string Origin { get; } = origin;

    public string Prefix { get; } = prefix;

    // 4.3+: serves RFC 8414 metadata, knows the "profile" scope, checks PKCE.
    public bool IsAtLeast43 { get; } = isAtLeast43;

    // The account the browser is signed in as when it reaches /oauth/authorize.
    public string SignedInAccountId { get; set; } = "1";

    public IReadOnlyCollection<EmulatedApp> Apps => _apps.Values.ToList();

    public void AddAccount(EmulatedAccount account) => _accounts[account.Id] = account;

    public EmulatedAccount Account(string id) => _accounts[id];

    // The user's live token for an account, as the server's authorized-apps page would list it.
    public string? TokenOf(string accountId) =>
        _tokens.FirstOrDefault(t => t.Value.AccountId == accountId).Key;

    public int AppTokenCount(string clientId) => _tokens.Values.Count(t => t.ClientId == clientId && t.AccountId is null);

    // The server was reset, or its admin deleted our app: the client id and all its tokens are gone.
    public void ForgetApp(string clientId)
    {
        _apps.TryRemove(clientId, out _);
        foreach (var (token, issued) in _tokens)
            if (issued.ClientId == clientId) _tokens.TryRemove(token, out _);
    }

    // The user pressed "Revoke" on /oauth/authorized_applications.
    public void RevokeTokensOf(string accountId)
    {
        foreach (var (token, issued) in _tokens)
            if (issued.AccountId == accountId) _tokens.TryRemove(token, out _);
    }

    private static readonly string[] BaseScopes =
    [
        "read", "write", "follow", "push", "crypto",
        "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
        "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
        "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites", "write:filters",
        "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications", "write:reports", "write:statuses",
    ];

    private string[] KnownScopes => IsAtLeast43 ? [.. BaseScopes, "profile"] : BaseScopes;

    private EmulatedApp Register(string name, string[] redirectUris, string[] scopes)
    {
        var app = new EmulatedApp(Interlocked.Increment(ref _nextAppId).ToString(), name, RandomToken(), RandomToken(), redirectUris, scopes);
        _apps[app.ClientId] = app;
        return app;
    }

    // Doorkeeper's reuse_access_token (config/initializers/doorkeeper.rb): the same user authorizing
    // the same app with the same scopes again gets the token they already hold, while it is valid.
    private string IssueToken(string clientId, string? accountId, string scope)
    {
        lock (_tokenLock)
        {
            var existing = accountId is null ? null
                : _tokens.FirstOrDefault(t => t.Value == new IssuedToken(clientId, accountId, scope)).Key;
            if (existing is not null) return existing;
            var token = RandomToken();
            _tokens[token] = new IssuedToken(clientId, accountId, scope);
            return token;
        }
    }

    private static string RandomToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string[] SplitScopes(string? scope) =>
        (scope ?? "read").Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries);
}
