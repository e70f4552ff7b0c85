using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.X;

// The v2 chunked upload (initialize, append segments of at most 5 MB, finalize, STATUS) and
// /2/media/metadata, with X's processing state machine for video and GIF: pending, then in_progress,
// then succeeded or failed after ProcessingChecks STATUS calls. Images need no processing.
public sealed partial class XEmulator
{
    private const int MaxSegmentBytes = 5 * 1024 * 1024;
    private static readonly Dictionary<string, (string Category, long MaxBytes)> MediaTypes = new()
    {
        ["image/jpeg"] = ("tweet_image", 5 * 1024 * 1024),
        ["image/png"] = ("tweet_image", 5 * 1024 * 1024),
        ["image/webp"] = ("tweet_image", 5 * 1024 * 1024),
        ["image/gif"] = ("tweet_gif", 15 * 1024 * 1024),
        ["video/mp4"] = ("tweet_video", 512 * 1024 * 1024),
        ["video/quicktime"] = ("tweet_video", 512 * 1024 * 1024),
    };

    private readonly ConcurrentDictionary<string, XUpload> _uploads = new();
    private long _lastMediaId = 1_870_000_000_000_000_000;
    private string? _failNext;

    // STATUS answers a video gets before its processing ends.
    public int ProcessingChecks { get; set; } = 2;

    // When set, the processing of the next video or GIF finalized fails with this message.
    public string? FailNextProcessingWith
    {
        get => _failNext;
        set => _failNext = value;
    }

    public XUpload? Upload(string mediaId) => _uploads.GetValueOrDefault(mediaId);

    private void MapMedia(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/x-api/2/media/upload/initialize", (Func<HttpContext, Task<IResult>>)InitializeUploadAsync);
        routes.MapPost("/x-api/2/media/upload/{id}/append", (HttpContext http, string id) => AppendAsync(http, id));
        routes.MapPost("/x-api/2/media/upload/{id}/finalize", (HttpContext http, string id) => Finalize(http, id));
        routes.MapGet("/x-api/2/media/upload", (HttpContext http) => Status(http));
        routes.MapPost("/x-api/2/media/metadata", (Func<HttpContext, Task<IResult>>)DescribeAsync);
    }

    private async Task<IResult> InitializeUploadAsync(HttpContext http)
    {
        if (Caller(http, out var account, "media.write") is { } refused) return refused;
        if (await ReadJsonAsync(http) is not JsonObject body) return InvalidRequest("Request body must be a JSON object.");
        var type = StringAt(body, "media_type") ?? "";
        if (!MediaTypes.TryGetValue(type, out var kind)) return InvalidRequest($"$.media_type: does not have a value in the enumeration [{string.Join(", ", MediaTypes.Keys)}]");
        var category = StringAt(body, "media_category") ?? kind.Category;
        if (category != kind.Category) return InvalidRequest($"$.media_category: {category} does not match media_type {type}");
        var total = body["total_bytes"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        if (total <= 0 || total > kind.MaxBytes) return InvalidRequest($"$.total_bytes: must be between 1 and {kind.MaxBytes}");

        var id = Interlocked.Increment(ref _lastMediaId).ToString(CultureInfo.InvariantCulture);
        _uploads[id] = new XUpload(id, account.Id, type, category, total);
        return Results.Json(new { data = new { id, media_key = $"{(category == "tweet_image" ? 3 : 7)}_{id}", expires_after_secs = 86400 } });
    }

    private async Task<IResult> AppendAsync(HttpContext http, string id)
    {
        if (Caller(http, out var account, "media.write") is { } refused) return refused;
        if (Owned(id, account) is not { Finalized: false } upload) return InvalidRequest("Invalid media_id.");
        if (!http.Request.HasFormContentType) return InvalidRequest("Request must be multipart/form-data.");
        var form = await http.Request.ReadFormAsync();
        if (!int.TryParse(form["segment_index"], CultureInfo.InvariantCulture, out var segment) || segment is < 0 or > 999)
            return InvalidRequest("$.segment_index: must be an integer between 0 and 999");
        if (form.Files["media"] is not { Length: > 0 and <= MaxSegmentBytes } file) return InvalidRequest("$.media: a file of at most 5 MB is required");
        lock (upload)
        {
            if (!upload.Segments.TryAdd(segment, file.Length)) return InvalidRequest($"Segment {segment} was already uploaded.");
        }
        return Results.Json(new { data = new { expires_at = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds() } });
    }

    private IResult Finalize(HttpContext http, string id)
    {
        if (Caller(http, out var account, "media.write") is { } refused) return refused;
        if (Owned(id, account) is not { Finalized: false } upload) return InvalidRequest("Invalid media_id.");
        lock (upload)
        {
            var received = upload.Segments.Values.Sum();
            if (received != upload.TotalBytes || upload.Segments.Keys.Order().Where((k, i) => k != i).Any())
                return InvalidRequest($"File size mismatch: received {received} bytes of {upload.TotalBytes}, or segments are missing.");
            upload.Finalized = true;
            if (upload.Category != "tweet_image")
            {
                upload.State = "pending";
                upload.FailWith = Interlocked.Exchange(ref _failNext, null);
            }
        }
        return Results.Json(new { data = Describe(upload) });
    }

    private IResult Status(HttpContext http)
    {
        if (Caller(http, out var account, "media.write") is { } refused) return refused;
        if (http.Request.Query["command"] != "STATUS") return InvalidRequest("$.command: must be STATUS");
        if (Owned(http.Request.Query["media_id"].ToString(), account) is not { Finalized: true } upload) return InvalidRequest("Invalid media_id.");
        lock (upload)
        {
            if (upload.State is "pending" or "in_progress")
                upload.State = ++upload.StatusChecks < ProcessingChecks ? "in_progress" : upload.FailWith is null ? "succeeded" : "failed";
        }
        return Results.Json(new { data = Describe(upload) });
    }

    private async Task<IResult> DescribeAsync(HttpContext http)
    {
        if (Caller(http, out var account, "media.write") is { } refused) return refused;
        if (await ReadJsonAsync(http) is not JsonObject body) return InvalidRequest("Request body must be a JSON object.");
        var text = body["metadata"]?["alt_text"] is JsonObject alt ? StringAt(alt, "text") : null;
        if (text is null or { Length: 0 or > 1000 }) return InvalidRequest("$.metadata.alt_text.text: must be between 1 and 1000 characters");
        if (Owned(StringAt(body, "id") ?? "", account) is not { Finalized: true } upload) return InvalidRequest("Invalid media_id.");
        upload.AltText = text;
        return Results.Json(new { data = new { id = upload.Id, associated_metadata = new { alt_text = new { text } } } });
    }

    private bool IsAttachable(string mediaId, XAccount account) =>
        Owned(mediaId, account) is { Finalized: true, State: null or "succeeded" };

    private XUpload? Owned(string mediaId, XAccount account) =>
        _uploads.TryGetValue(mediaId, out var upload) && upload.AccountId == account.Id ? upload : null;

    private static Dictionary<string, object?> Describe(XUpload upload)
    {
        var data = new Dictionary<string, object?>
        {
            ["id"] = upload.Id,
            ["media_key"] = $"{(upload.Category == "tweet_image" ? 3 : 7)}_{upload.Id}",
            ["size"] = upload.TotalBytes,
            ["expires_after_secs"] = 86400,
        };
        if (upload.State is { } state)
        {
            var info = new Dictionary<string, object?> { ["state"] = state, ["progress_percent"] = state == "pending" ? 0 : state == "in_progress" ? 50 : 100 };
            if (state is "pending" or "in_progress") info["check_after_secs"] = 1;
            if (state == "failed") info["error"] = new { code = 1, name = "InvalidMedia", message = upload.FailWith };
            data["processing_info"] = info;
        }
        return data;
    }
}

// One upload as X keeps it: who owns it, the segments received, and its processing state.
public sealed class XUpload(string id, string accountId, string mediaType, string category, long totalBytes)
{
    public string Id { get; } = id;
    public string AccountId { get; } = accountId;
    public string MediaType { get; } = mediaType;
    public string Category { get; } = category;
    public long TotalBytes { get; } = totalBytes;
    public ConcurrentDictionary<int, long> Segments { get; } = new();
    public bool Finalized { get; set; }
    public string? State { get; set; }
    public int StatusChecks { get; set; }
    public string? FailWith { get; set; }
    public string? AltText { get; set; }
}
