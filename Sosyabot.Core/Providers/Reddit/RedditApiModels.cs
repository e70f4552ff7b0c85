using System.Text.Json.Serialization;

namespace Sosyabot.Core.Providers.Reddit;

// POST /api/v1/access_token. Errors come back in the same object as "error" (a string, or the HTTP
// status as a number), sometimes with HTTP 200; RedditErrorInspector turns those into exceptions first.
internal sealed record RedditTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope);

// GET /api/v1/me
internal sealed record RedditMe(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("icon_img")] string? IconImg,
    [property: JsonPropertyName("snoovatar_img")] string? SnoovatarImg,
    [property: JsonPropertyName("subreddit")] RedditProfileSubreddit? Subreddit);

// The user's profile page is a subreddit; its title is the display name shown on the profile.
internal sealed record RedditProfileSubreddit(
    [property: JsonPropertyName("title")] string? Title);
