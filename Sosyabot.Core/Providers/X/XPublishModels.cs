using System.Text.Json.Serialization;

namespace Sosyabot.Core.Providers.X;

// POST /2/tweets
internal sealed record XCreateTweetRequest(
    [property: JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    [property: JsonPropertyName("reply"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XReply? Reply,
    [property: JsonPropertyName("media"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XTweetMedia? Media);

internal sealed record XReply([property: JsonPropertyName("in_reply_to_tweet_id")] string InReplyToTweetId);

internal sealed record XTweetMedia([property: JsonPropertyName("media_ids")] IReadOnlyList<string> MediaIds);

internal sealed record XCreateTweetResponse([property: JsonPropertyName("data")] XCreatedTweet? Data);

internal sealed record XCreatedTweet([property: JsonPropertyName("id")] string? Id);

// POST /2/media/upload/initialize, .../{id}/finalize, GET /2/media/upload?command=STATUS
internal sealed record XMediaInitializeRequest(
    [property: JsonPropertyName("media_type")] string MediaType,
    [property: JsonPropertyName("total_bytes")] long TotalBytes,
    [property: JsonPropertyName("media_category")] string MediaCategory);

internal sealed record XMediaUploadResponse([property: JsonPropertyName("data")] XMediaUpload? Data);

internal sealed record XMediaUpload(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("processing_info")] XProcessingInfo? ProcessingInfo);

// state: pending, in_progress, failed or succeeded; absent when the media needs no processing (images).
internal sealed record XProcessingInfo(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("check_after_secs")] int? CheckAfterSecs,
    [property: JsonPropertyName("error")] XProcessingError? Error);

internal sealed record XProcessingError(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("message")] string? Message);

// POST /2/media/metadata
internal sealed record XMediaMetadataRequest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("metadata")] XMediaMetadata Metadata);

internal sealed record XMediaMetadata([property: JsonPropertyName("alt_text")] XAltText AltText);

internal sealed record XAltText([property: JsonPropertyName("text")] string Text);

// GET /2/users/{id}/tweets
internal sealed record XTimelineResponse(
    [property: JsonPropertyName("data")] IReadOnlyList<XTimelineTweet>? Data,
    [property: JsonPropertyName("meta")] XTimelineMeta? Meta);

internal sealed record XTimelineTweet(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("referenced_tweets")] IReadOnlyList<XReferencedTweet>? ReferencedTweets)
{
    public string? RepliedTo => ReferencedTweets?.FirstOrDefault(r => r.Type == "replied_to")?.Id;
}

internal sealed record XReferencedTweet(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("id")] string? Id);

internal sealed record XTimelineMeta([property: JsonPropertyName("next_token")] string? NextToken);
