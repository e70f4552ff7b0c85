using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Sosyabot.Tests.Emulator;

// What a real authorization server remembers between authorize and token: codes are single use and
// bound to client, redirect URI, scopes and PKCE challenge; refresh tokens may rotate.
public sealed class OAuthCodeStore
{
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new();
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, string> _accessTokens = new();

    public sealed record IssuedCode(string ClientId, string RedirectUri, string Scope, string? CodeChallenge, string? ChallengeMethod, string AccountId);

    public string IssueCode(IssuedCode code)
    {
        var value = "code-" + Guid.NewGuid().ToString("N");
        _codes[value] = code;
        return value;
    }

    // Removes the code whatever happens next: a second exchange of the same code always fails.
    public IssuedCode? TakeCode(string code) => _codes.TryRemove(code, out var issued) ? issued : null;

    public static bool VerifierMatches(IssuedCode code, string? verifier) =>
        code.CodeChallenge is null
        || (verifier is not null && code.ChallengeMethod == "S256"
            && Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_') == code.CodeChallenge);

    public (string Access, string Refresh) IssueTokens(string accountId)
    {
        var access = "access-" + Guid.NewGuid().ToString("N");
        var refresh = "refresh-" + Guid.NewGuid().ToString("N");
        _accessTokens[access] = accountId;
        _refreshTokens[refresh] = accountId;
        return (access, refresh);
    }

    public string IssueAccessToken(string accountId)
    {
        var access = "access-" + Guid.NewGuid().ToString("N");
        _accessTokens[access] = accountId;
        return access;
    }

    public string? AccountOfAccessToken(string? token) => token is not null && _accessTokens.TryGetValue(token, out var id) ? id : null;

    public string? AccountOfRefreshToken(string token) => _refreshTokens.TryGetValue(token, out var id) ? id : null;

    // Rotation: the old refresh token dies the moment a new one is issued.
    public string? Rotate(string refreshToken, out string newRefresh)
    {
        newRefresh = "";
        if (!_refreshTokens.TryRemove(refreshToken, out var accountId)) return null;
        newRefresh = "refresh-" + Guid.NewGuid().ToString("N");
        _refreshTokens[newRefresh] = accountId;
        return accountId;
    }

    // What removing the app on the platform's connected-apps page does: one token, or all of an account's.
    public void Revoke(string token)
    {
        _accessTokens.TryRemove(token, out _);
        _refreshTokens.TryRemove(token, out _);
    }

    public void RevokeAccount(string accountId)
    {
        foreach (var tokens in (ConcurrentDictionary<string, string>[])[_accessTokens, _refreshTokens])
            foreach (var (token, owner) in tokens)
                if (owner == accountId) tokens.TryRemove(token, out _);
    }
}
