namespace Sosyabot.Core.Providers;

public interface IOAuthProvider : ISocialProvider
{
    // Instance-based platforms (Mastodon) ask the user for a server before the flow starts.
    bool RequiresInstance => false;

    Task<OAuthAuthorization> CreateAuthorizationAsync(OAuthAuthorizationRequest request, CancellationToken ct);

    Task<TokenSet> ExchangeCodeAsync(OAuthCodeExchange exchange, CancellationToken ct);

    Task<ConnectedAccount> GetAccountAsync(TokenSet tokens, string? issuer, CancellationToken ct);
}

// CodeChallenge is always offered; the provider says in OAuthAuthorization whether it sent it.
public sealed record OAuthAuthorizationRequest(string State, string RedirectUri, string CodeChallenge, string? Instance);

// The real authorize URL (host overrides are applied by the caller). Issuer identifies the
// authorization server for mix-up defence: the instance URL for Mastodon, null for fixed platforms.
public sealed record OAuthAuthorization(Uri AuthorizeUrl, bool UsesPkce, string? Issuer = null);

public sealed record OAuthCodeExchange(string Code, string RedirectUri, string? CodeVerifier, string? Issuer);
