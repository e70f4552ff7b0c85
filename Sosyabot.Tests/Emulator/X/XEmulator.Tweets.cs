using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.X;

// POST /2/tweets and GET /2/users/{id}/tweets as X answers them: text at most 280 (a plain length
// here; the weighted count is the app's job), the same text twice refused with 403, replies only to a
// post that exists, media only once uploaded and processed. Stored text reads back the way X shows it:
// links become t.co links and & < > come back as entities.
public sealed partial class XEmulator
{
    public const int MaxTweetLength = 280;

    private readonly Lock _tweetsLock = new();
    private readonly List<XTweet> _tweets = [];
    private long _lastTweetId = 1_860_000_000_000_000_000;

    public IReadOnlyList<XTweet> TweetsOf(XAccount account)
    {
        lock (_tweetsLock) return _tweets.Where(t => t.AuthorId == account.Id).ToList();
    }

    private void MapTweets(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/x-api/2/tweets", (Func<HttpContext, Task<IResult>>)CreateTweetAsync);
        routes.MapGet("/x-api/2/users/{id}/tweets", (HttpContext http, string id) => Timeline(http, id));
    }

    private async Task<IResult> CreateTweetAsync(HttpContext http)
    {
        if (Caller(http, out var account, "tweet.read", "tweet.write", "users.read") is { } refused) return refused;
        if (await ReadJsonAsync(http) is not JsonObject body) return InvalidRequest("Request body must be a JSON object.");

        var text = StringAt(body, "text");
        var replyTo = body["reply"] is JsonObject reply ? StringAt(reply, "in_reply_to_tweet_id") : null;
        if (body["reply"] is not null && replyTo is null) return InvalidRequest("$.reply.in_reply_to_tweet_id: is missing but it is required");
        var mediaIds = body["media"] is JsonObject media && media["media_ids"] is JsonArray ids
            ? ids.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList()
            : null;
        if (body["media"] is not null && mediaIds is not { Count: >= 1 and <= 4 }) return InvalidRequest("$.media.media_ids: there must be between 1 and 4 items");
        if (string.IsNullOrEmpty(text) && mediaIds is null) return InvalidRequest("You must provide text or media for your post.");
        if (text is { Length: > MaxTweetLength })
            return InvalidRequest("Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.");
        if (mediaIds is not null && !mediaIds.All(id => IsAttachable(id, account))) return InvalidRequest("Your media IDs are invalid.");

        if (Create(account, text ?? "", replyTo, mediaIds ?? []) is not { } tweet)
            return Problem(403, replyTo is not null && !Exists(replyTo)
                ? """{"detail":"You attempted to reply to a Tweet that is deleted or not visible to you.","type":"about:blank","title":"Forbidden","status":403}"""
                : """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""");
        return Results.Json(new { data = new { id = tweet.Id, text = tweet.ShownText, edit_history_tweet_ids = new[] { tweet.Id } } }, statusCode: 201);
    }

    // What the account posts elsewhere (x.com, another app) while a test runs.
    public XTweet PostAs(XAccount account, string text) => Create(account, text, null, []) ?? throw new InvalidOperationException("Duplicate text.");

    // Null when the reply target is missing or the same text was already posted by this account.
    private XTweet? Create(XAccount account, string text, string? replyTo, IReadOnlyList<string> mediaIds)
    {
        lock (_tweetsLock)
        {
            var parent = replyTo is null ? null : _tweets.FirstOrDefault(t => t.Id == replyTo);
            if (replyTo is not null && parent is null) return null;
            if (text.Length > 0 && _tweets.Any(t => t.AuthorId == account.Id && t.SentText == text)) return null;
            var id = (++_lastTweetId).ToString(CultureInfo.InvariantCulture);
            // X shows attached media as one more t.co link at the end of the text.
            var shown = mediaIds.Count == 0 ? AsShown(text) : $"{AsShown(text)} https://t.co/{Guid.NewGuid().ToString("N")[..10]}".TrimStart();
            var tweet = new XTweet(id, account.Id, text, shown, DateTimeOffset.UtcNow, replyTo, parent?.ConversationId ?? id, mediaIds);
            _tweets.Add(tweet);
            return tweet;
        }
    }

    private bool Exists(string tweetId)
    {
        lock (_tweetsLock) return _tweets.Any(t => t.Id == tweetId);
    }

    private IResult Timeline(HttpContext http, string userId)
    {
        if (Caller(http, out _, "tweet.read", "users.read") is { } refused) return refused;
        if (!_accounts.ContainsKey(userId))
            return Results.Json(new { errors = new[] { new { value = userId, detail = $"Could not find user with id: [{userId}].", title = "Not Found Error", resource_type = "user", parameter = "id", resource_id = userId, type = "https://api.twitter.com/2/problems/resource-not-found" } } });
        var q = http.Request.Query;
        var max = q.ContainsKey("max_results") && int.TryParse(q["max_results"], CultureInfo.InvariantCulture, out var m) ? m : 10;
        if (max is < 5 or > 100) return InvalidRequest($"The `max_results` query parameter value [{q["max_results"]}] is not between 5 and 100");
        DateTimeOffset? since = null;
        if (q.ContainsKey("start_time"))
        {
            if (!DateTimeOffset.TryParse(q["start_time"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
                return InvalidRequest($"Invalid 'start_time':'{q["start_time"]}'. 'start_time' must be a valid RFC 3339 date.");
            since = start;
        }
        var skip = q.ContainsKey("pagination_token") && int.TryParse(q["pagination_token"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var fields = q["tweet.fields"].ToString().Split(',');

        List<XTweet> matching;
        lock (_tweetsLock) matching = _tweets.Where(t => t.AuthorId == userId && (since is null || t.CreatedAt >= since)).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();
        var page = matching.Skip(skip).Take(max).ToList();
        var meta = new Dictionary<string, object?> { ["result_count"] = page.Count };
        if (page.Count > 0) (meta["newest_id"], meta["oldest_id"]) = (page[0].Id, page[^1].Id);
        if (skip + page.Count < matching.Count) meta["next_token"] = (skip + page.Count).ToString(CultureInfo.InvariantCulture);
        var answer = new Dictionary<string, object?> { ["meta"] = meta };
        if (page.Count > 0) answer["data"] = page.Select(t => ShownFields(t, fields)).ToList();
        AddRateLimitHeaders(http, limit: 900);
        return Results.Json(answer);
    }

    private static Dictionary<string, object?> ShownFields(XTweet tweet, string[] fields)
    {
        var shown = new Dictionary<string, object?> { ["id"] = tweet.Id, ["text"] = tweet.ShownText, ["edit_history_tweet_ids"] = new[] { tweet.Id } };
        if (fields.Contains("created_at")) shown["created_at"] = tweet.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (fields.Contains("conversation_id")) shown["conversation_id"] = tweet.ConversationId;
        if (fields.Contains("referenced_tweets") && tweet.ReplyTo is not null) shown["referenced_tweets"] = new[] { new { type = "replied_to", id = tweet.ReplyTo } };
        return shown;
    }

    private static string AsShown(string text) =>
        Regex.Replace(text, @"https?://\S+", _ => "https://t.co/" + Guid.NewGuid().ToString("N")[..10])
            .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType()) return null;
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringAt(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IResult InvalidRequest(string message) => Results.Content(
        JsonSerializer.Serialize(new
        {
            errors = new[] { new { message } },
            title = "Invalid Request",
            detail = "One or more parameters to your request was invalid.",
            type = "https://api.twitter.com/2/problems/invalid-request",
        }), "application/json; charset=utf-8", System.Text.Encoding.UTF8, 400);
}

// SentText is what the client sent; ShownText what X's reads show (t.co links, HTML entities).
public sealed record XTweet(string Id, string AuthorId, string SentText, string ShownText, DateTimeOffset CreatedAt, string? ReplyTo,
    string ConversationId, IReadOnlyList<string> MediaIds);
