using System.Text.Json;

namespace Sosyabot.Core.Providers.Mastodon;

// Wire shapes, snake_case on the wire. https://docs.joinmastodon.org/entities/Application/
internal static class MastodonJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

// POST /api/v1/apps → CredentialApplication (Application before 4.3).
internal sealed record MastodonApp(string? Id, string? Name, string? ClientId, string? ClientSecret);

// GET /.well-known/oauth-authorization-server (RFC 8414), Mastodon 4.3+.
internal sealed record MastodonServerMetadata(string? Issuer, string[]? CodeChallengeMethodsSupported, string[]? ScopesSupported);

// POST /oauth/token. Mastodon tokens do not expire and come without a refresh token.
internal sealed record MastodonToken(string? AccessToken, string? TokenType, string? Scope, long? CreatedAt);

// GET /api/v1/accounts/verify_credentials → CredentialAccount; ids are strings.
internal sealed record MastodonAccount(string? Id, string? Username, string? Acct, string? DisplayName, string? Avatar, string? Url);
