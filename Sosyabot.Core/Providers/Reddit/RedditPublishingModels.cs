using System.Text.Json.Serialization;

namespace Sosyabot.Core.Providers.Reddit;

// POST /api/submit with api_type=json: {"json": {"errors": [], "data": {...}}}. A self or link post
// answers id, name (t3_...) and url; an image post only user_submitted_page and websocket_url,
// because Reddit finishes it asynchronously.
internal sealed record RedditSubmitAnswer([property: JsonPropertyName("json")] RedditSubmitJson? Json);

internal sealed record RedditSubmitJson([property: JsonPropertyName("data")] RedditSubmitData? Data);

internal sealed record RedditSubmitData(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("websocket_url")] string? WebsocketUrl);

// POST /api/media/asset.json: the presigned S3 form (action has no scheme: "//reddit-uploaded-media...").
internal sealed record RedditMediaLease(
    [property: JsonPropertyName("args")] RedditLeaseArgs? Args,
    [property: JsonPropertyName("asset")] RedditLeaseAsset? Asset);

internal sealed record RedditLeaseArgs(
    [property: JsonPropertyName("action")] string? Action,
    [property: JsonPropertyName("fields")] List<RedditLeaseField>? Fields);

internal sealed record RedditLeaseField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);

internal sealed record RedditLeaseAsset([property: JsonPropertyName("asset_id")] string? AssetId);

// GET /r/{sr}/about: a t5 thing.
internal sealed record RedditThing<T>([property: JsonPropertyName("data")] T? Data);

internal sealed record RedditSubredditAbout(
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("subreddit_type")] string? SubredditType,
    [property: JsonPropertyName("submission_type")] string? SubmissionType,
    [property: JsonPropertyName("user_is_banned")] bool? UserIsBanned,
    [property: JsonPropertyName("user_is_contributor")] bool? UserIsContributor);

// GET /user/{name}/submitted: a Listing of t3 things, newest first.
internal sealed record RedditListing(
    [property: JsonPropertyName("children")] List<RedditThing<RedditSubmission>>? Children);

internal sealed record RedditSubmission(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("subreddit")] string? Subreddit,
    [property: JsonPropertyName("created_utc")] double? CreatedUtc,
    [property: JsonPropertyName("permalink")] string? Permalink);
