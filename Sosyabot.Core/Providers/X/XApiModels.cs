using System.Text.Json.Serialization;

namespace Sosyabot.Core.Providers.X;

// POST /2/oauth2/token
internal sealed record XTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope);

// GET /2/users/me
internal sealed record XUserResponse([property: JsonPropertyName("data")] XUser? Data);

internal sealed record XUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("profile_image_url")] string? ProfileImageUrl);

// GET /1.1/account/verify_credentials.json (the web app's v1.1 user object)
internal sealed record XLegacyUser(
    [property: JsonPropertyName("id_str")] string? IdStr,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("screen_name")] string? ScreenName,
    [property: JsonPropertyName("profile_image_url_https")] string? ProfileImageUrlHttps);
