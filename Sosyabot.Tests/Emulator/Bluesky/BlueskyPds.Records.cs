using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Bluesky;

// Posts on this PDS: createRecord, getRecord, uploadBlob and resolveHandle with the statuses and XRPC
// error bodies of bluesky-social/atproto packages/pds. A create under an rkey that already holds a
// record fails with 500 InternalServerError, as the real PDS does today (its MST refuses the key:
// atproto#3718, indigo#873). The record checks are the lexicon's (app.bsky.feed.post, embed.images,
// richtext.facet) plus two the real PDS leaves to the AppView: facet ranges inside the text, and
// reply refs and blobs that exist here.
public sealed partial class BlueskyPds
{
    private const int MaxGraphemes = 300;
    private const int MaxTextBytes = 3000;
    private const long MaxImageBytes = 1_000_000;
    // PDS_BLOB_UPLOAD_LIMIT's default (packages/pds/src/config/config.ts): 5 MiB.
    private const long BlobUploadLimit = 5 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, StoredRecord> _records = new();
    private readonly ConcurrentDictionary<string, StoredBlob> _blobs = new();
    private readonly ConcurrentDictionary<string, string> _otherHandles = new();
    private readonly Lock _repoLock = new();

    public sealed record StoredRecord(string Uri, string Cid, string Did, string Rkey, JsonObject Value);

    public sealed record StoredBlob(string Cid, string Did, string MimeType, long Size);

    public IReadOnlyList<StoredRecord> PostsOf(BlueskyAccount account) =>
        _records.Values.Where(r => r.Did == account.Did).OrderBy(r => r.Rkey, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<StoredBlob> Blobs => _blobs.Values.ToList();

    // A handle of an account on another PDS, for mentions.
    public void KnowHandle(string handle, string did) => _otherHandles[handle] = did;

    private void MapRecords(IEndpointRouteBuilder routes)
    {
        routes.MapPost($"{prefix}/xrpc/com.atproto.repo.createRecord", Handle(CreateRecordAsync));
        routes.MapGet($"{prefix}/xrpc/com.atproto.repo.getRecord", Handle(c => Task.FromResult(GetRecord(c))));
        routes.MapPost($"{prefix}/xrpc/com.atproto.repo.uploadBlob", Handle(UploadBlobAsync));
        routes.MapGet($"{prefix}/xrpc/com.atproto.identity.resolveHandle", Handle(c => Task.FromResult(ResolveHandle(c))));
    }

    private async Task<IResult> CreateRecordAsync(HttpContext context)
    {
        if (AccessDid(context, out var did) is { } refused) return refused;
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject;
        }
        catch (JsonException)
        {
            return Error(400, "InvalidRequest", "Request body is not valid JSON");
        }
        if (body is null) return Error(400, "InvalidRequest", "Input must be an object");
        foreach (var required in (string[])["repo", "collection", "record"])
            if (body[required] is null) return Error(400, "InvalidRequest", $"Input must have the property \"{required}\"");
        var repo = body["repo"]!.ToString();
        var owner = _accounts.Values.FirstOrDefault(a => a.Did == repo || a.Handle == repo);
        if (owner is null) return Error(400, "InvalidRequest", $"Could not find repo: {repo}");
        if (owner.Did != did) return Error(401, "AuthenticationRequired", "Authentication Required");
        var collection = body["collection"]!.ToString();
        if (collection != "app.bsky.feed.post") return Error(400, "InvalidRequest", $"Lexicon not found: lex:{collection}");
        var rkey = body["rkey"]?.ToString() ?? NewTid();
        if (!IsTid(rkey)) return Error(400, "InvalidRequest", $"Invalid app.bsky.feed.post record key: {rkey} is not a TID");
        if (body["record"] is not JsonObject record) return Error(400, "InvalidRequest", "Input/record must be an object");
        if (ValidatePost(record, did) is { } invalid) return Error(400, "InvalidRequest", $"Invalid app.bsky.feed.post record: {invalid}");

        lock (_repoLock)
        {
            var uri = $"at://{did}/{collection}/{rkey}";
            if (_records.ContainsKey(uri)) return Error(500, "InternalServerError", "Internal Server Error");
            var stored = new StoredRecord(uri, Cid("bafyrei", record.ToJsonString()), did, rkey, record);
            _records[uri] = stored;
            return Results.Json(new { uri, cid = stored.Cid, commit = new { cid = Cid("bafyrei", uri + "commit"), rev = rkey }, validationStatus = "valid" });
        }
    }

    private string? ValidatePost(JsonObject record, string did)
    {
        if (record["$type"]?.ToString() != "app.bsky.feed.post") return "Record/$type must be app.bsky.feed.post";
        if (record["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text)) return "Record must have the property \"text\"";
        if (Encoding.UTF8.GetByteCount(text) > MaxTextBytes) return $"Record/text must not be longer than {MaxTextBytes} characters";
        if (new StringInfo(text).LengthInTextElements > MaxGraphemes) return $"Record/text must not be longer than {MaxGraphemes} graphemes";
        if (record["createdAt"]?.ToString() is not { } createdAt || !DateTimeOffset.TryParse(createdAt, CultureInfo.InvariantCulture, out _))
            return "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)";
        return ValidateFacets(record["facets"], Encoding.UTF8.GetByteCount(text)) ?? ValidateReply(record["reply"]) ?? ValidateEmbed(record["embed"], did);
    }

    private static string? ValidateFacets(JsonNode? facets, int textBytes)
    {
        if (facets is null) return null;
        if (facets is not JsonArray list) return "Record/facets must be an array";
        for (var i = 0; i < list.Count; i++)
        {
            var start = list[i]?["index"]?["byteStart"]?.GetValue<int>();
            var end = list[i]?["index"]?["byteEnd"]?.GetValue<int>();
            if (start is null || end is null || start < 0 || end <= start || end > textBytes)
                return $"Record/facets/{i}/index must lie inside the text ({textBytes} bytes)";
            if (list[i]?["features"] is not JsonArray { Count: > 0 } features) return $"Record/facets/{i} must have the property \"features\"";
            foreach (var feature in features)
            {
                var ok = feature?["$type"]?.ToString() switch
                {
                    "app.bsky.richtext.facet#link" => Uri.TryCreate(feature["uri"]?.ToString(), UriKind.Absolute, out _),
                    "app.bsky.richtext.facet#mention" => feature["did"]?.ToString().StartsWith("did:") == true,
                    "app.bsky.richtext.facet#tag" => feature["tag"]?.ToString() is { Length: > 0 and <= 640 },
                    _ => false,
                };
                if (!ok) return $"Record/facets/{i}/features must be a link, mention or tag";
            }
        }
        return null;
    }

    private string? ValidateReply(JsonNode? reply)
    {
        if (reply is null) return null;
        foreach (var part in (string[])["root", "parent"])
        {
            var uri = reply[part]?["uri"]?.ToString();
            var cid = reply[part]?["cid"]?.ToString();
            if (uri is null || cid is null) return $"Record/reply/{part} must have the properties \"uri\" and \"cid\"";
            if (!_records.TryGetValue(uri, out var target) || target.Cid != cid) return $"Record/reply/{part} does not point at an existing post";
        }
        return null;
    }

    private string? ValidateEmbed(JsonNode? embed, string did)
    {
        if (embed is null) return null;
        if (embed["$type"]?.ToString() == "app.bsky.embed.video") return ValidateVideo(embed, did);
        if (embed["$type"]?.ToString() != "app.bsky.embed.images") return "Record/embed must be app.bsky.embed.images or app.bsky.embed.video";
        if (embed["images"] is not JsonArray { Count: > 0 and <= 4 } images) return "Record/embed/images must hold 1 to 4 images";
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i]?["alt"] is not JsonValue alt || !alt.TryGetValue<string>(out _)) return $"Record/embed/images/{i} must have the property \"alt\"";
            var blob = images[i]?["image"];
            var cid = blob?["ref"]?["$link"]?.ToString();
            if (blob?["$type"]?.ToString() != "blob" || cid is null || !_blobs.TryGetValue(cid, out var stored) || stored.Did != did)
                return $"Record/embed/images/{i}/image must be a blob uploaded to this repo";
            if (!stored.MimeType.StartsWith("image/")) return $"Record/embed/images/{i}/image mime type {stored.MimeType} is not accepted";
            if (stored.Size > MaxImageBytes) return $"Record/embed/images/{i}/image file too large ({stored.Size} bytes). Max allowed: {MaxImageBytes} bytes";
            if (images[i]?["aspectRatio"] is { } ratio && (ratio["width"]?.GetValue<int>() is not > 0 || ratio["height"]?.GetValue<int>() is not > 0))
                return $"Record/embed/images/{i}/aspectRatio must have a positive width and height";
        }
        return null;
    }

    // lexicons/app/bsky/embed/video.json: a video/mp4 blob, alt at most 1,000 graphemes (10,000 bytes).
    private string? ValidateVideo(JsonNode embed, string did)
    {
        var blob = embed["video"];
        var cid = blob?["ref"]?["$link"]?.ToString();
        if (blob?["$type"]?.ToString() != "blob" || cid is null || !_blobs.TryGetValue(cid, out var stored) || stored.Did != did)
            return "Record/embed/video must be a blob uploaded to this repo";
        if (stored.MimeType != "video/mp4") return $"Record/embed/video mime type {stored.MimeType} is not accepted";
        if (embed["alt"] is JsonValue alt && alt.TryGetValue<string>(out var text)
            && (new StringInfo(text).LengthInTextElements > 1000 || Encoding.UTF8.GetByteCount(text) > 10_000))
            return "Record/embed/alt must not be longer than 1000 graphemes";
        if (embed["aspectRatio"] is { } ratio && (ratio["width"]?.GetValue<int>() is not > 0 || ratio["height"]?.GetValue<int>() is not > 0))
            return "Record/embed/aspectRatio must have a positive width and height";
        return null;
    }

    private IResult GetRecord(HttpContext context)
    {
        var q = context.Request.Query;
        foreach (var required in (string[])["repo", "collection", "rkey"])
            if (string.IsNullOrEmpty(q[required])) return Error(400, "InvalidRequest", $"Params must have the property \"{required}\"");
        var repo = q["repo"].ToString();
        var did = _accounts.Values.FirstOrDefault(a => a.Did == repo || a.Handle == repo)?.Did;
        if (did is null) return Error(400, "InvalidRequest", $"Could not find repo: {repo}");
        var uri = $"at://{did}/{q["collection"]}/{q["rkey"]}";
        return _records.TryGetValue(uri, out var record)
            ? Results.Json(new { uri, cid = record.Cid, value = record.Value })
            : Error(400, "RecordNotFound", $"Could not locate record: {uri}");
    }

    private async Task<IResult> UploadBlobAsync(HttpContext context)
    {
        if (AccessDid(context, out var did) is { } refused) return refused;
        var mimeType = context.Request.ContentType;
        if (string.IsNullOrEmpty(mimeType)) return Error(400, "InvalidRequest", "Request encoding (Content-Type) required but not provided");
        using var content = new MemoryStream();
        await context.Request.Body.CopyToAsync(content);
        if (content.Length > BlobUploadLimit) return Error(413, "PayloadTooLarge", "request entity too large");
        var blob = new StoredBlob(Cid("bafkrei", Convert.ToHexString(SHA256.HashData(content.ToArray()))), did, mimeType, content.Length);
        _blobs[blob.Cid] = blob;
        return Results.Json(new { blob = new Dictionary<string, object> { ["$type"] = "blob", ["ref"] = new Dictionary<string, string> { ["$link"] = blob.Cid }, ["mimeType"] = mimeType, ["size"] = blob.Size } });
    }

    private IResult ResolveHandle(HttpContext context)
    {
        var handle = context.Request.Query["handle"].ToString().ToLowerInvariant();
        if (handle.Length == 0) return Error(400, "InvalidRequest", "Params must have the property \"handle\"");
        var did = _accounts.Values.FirstOrDefault(a => a.Handle == handle)?.Did ?? _otherHandles.GetValueOrDefault(handle);
        return did is null ? Error(400, "InvalidRequest", "Unable to resolve handle") : Results.Json(new { did });
    }

    // The DID of a valid access JWT of this PDS, or the XRPC error a PDS answers (auth-verifier.ts).
    private IResult? AccessDid(HttpContext context, out string did)
    {
        did = "";
        if (Bearer(context) is not { } token) return Error(401, "AuthMissing", "Authentication Required");
        if (_jwts.Verify(token) is not { } claims) return Error(400, "InvalidToken", "Token could not be verified");
        if (claims.GetProperty("exp").GetInt64() <= DateTimeOffset.UtcNow.ToUnixTimeSeconds()) return Error(400, "ExpiredToken", "Token has expired");
        if (!claims.TryGetProperty("scope", out var scope) || scope.GetString() != BlueskyJwts.AccessScope) return Error(400, "InvalidToken", "Bad token scope");
        did = claims.GetProperty("sub").GetString()!;
        return null;
    }

    private static bool IsTid(string rkey) =>
        rkey.Length == 13 && rkey.All("234567abcdefghijklmnopqrstuvwxyz".Contains) && "234567abcdefghij".Contains(rkey[0]);

    private static string NewTid() => "3" + RandomBase32(12);

    private static string Cid(string prefix, string content) =>
        prefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant().Replace("+", "").Replace("/", "").TrimEnd('=');
}
