using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Reddit;

// Posting as Reddit answers it: /api/submit with api_type=json refuses inside HTTP 200
// ({"json": {"errors": [[CODE, message, field]]}}), image posts go through the media lease
// (/api/media/asset.json → a presigned S3 form on a second origin), and the read-backs are
// /r/{sr}/about and /user/{name}/submitted. Codes and messages from reddit-archive/reddit r2/lib/errors.py.
public sealed partial class RedditEmulator
{
    public const string MediaBucket = "https://reddit-uploaded-media.s3-accelerate.amazonaws.com";
    private static readonly HashSet<string> ImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    private readonly ConcurrentDictionary<string, EmulatedSubreddit> _subreddits = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<EmulatedRedditPost> _posts = new();
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _leases = new();
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new();

    // The bucket's size condition in the lease policy (Reddit allows 20 MB images).
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    public IReadOnlyList<EmulatedRedditPost> Posts => _posts.ToList();

    // While set, new image posts stay in Reddit's media pipeline: created, but not yet listed.
    public bool HoldImagePosts { get; set; }

    private readonly ConcurrentDictionary<string, bool> _processing = new();

    public void FinishImageProcessing() => _processing.Clear();

    public IReadOnlyDictionary<string, byte[]> Uploads => _uploads;

    public EmulatedSubreddit CreateSubreddit(string name, string type = "public", string submissionType = "any")
    {
        var subreddit = new EmulatedSubreddit(name, type, submissionType);
        _subreddits[name] = subreddit;
        return subreddit;
    }

    private void MapPublishing(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/reddit-oauth/api/submit", (Func<HttpContext, Task<IResult>>)SubmitAsync);
        routes.MapPost("/reddit-oauth/api/media/asset.json", (Func<HttpContext, Task<IResult>>)LeaseAsync);
        routes.MapPost("/reddit-s3", (Func<HttpContext, Task<IResult>>)UploadAsync);
        routes.MapGet("/reddit-oauth/r/{sr}/about", (HttpContext http, string sr) => About(http, sr));
        routes.MapGet("/reddit-oauth/user/{name}/submitted", (HttpContext http, string name) => Submitted(http, name));
    }

    private async Task<IResult> SubmitAsync(HttpContext http)
    {
        if (Authenticate(http, "submit", out var account) is { } denied) return denied;
        var form = await http.Request.ReadFormAsync();
        // Without api_type=json Reddit answers in its old jQuery-command format.
        if (form["api_type"] != "json") return Json(200, """{"jquery": [[0, 1, "call", ["body"]]], "success": false}""");
        string kind = form["kind"].ToString(), title = form["title"].ToString(), text = form["text"].ToString(), url = form["url"].ToString();
        if (!_subreddits.TryGetValue(form["sr"].ToString(), out var sr)) return Errors("SUBREDDIT_NOEXIST", "that subreddit doesn't exist", "sr");
        if (sr.Banned.Contains(account.Name) || (sr.Type is "restricted" or "private" && !sr.Contributors.Contains(account.Name)))
            return Errors("SUBREDDIT_NOTALLOWED", "you aren't allowed to post there.", "sr");
        if (title.Trim().Length == 0) return Errors("NO_TEXT", "we need something here", "title");
        if (title.EnumerateRunes().Count() > 300) return Errors("TOO_LONG", "this is too long (max: 300)", "title");
        switch (kind)
        {
            case "self":
                if (sr.SubmissionType == "link") return Errors("NO_SELFS", "This community doesn't allow text posts.", "sr");
                if (text.EnumerateRunes().Count() > 40_000) return Errors("TOO_LONG", "this is too long (max: 40000)", "text");
                break;
            case "link":
                if (sr.SubmissionType == "self") return Errors("NO_LINKS", "that subreddit only allows text posts", "sr");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")) return Errors("BAD_URL", "you should check that url", "url");
                break;
            case "image":
                if (sr.SubmissionType == "self") return Errors("NO_LINKS", "that subreddit only allows text posts", "sr");
                if (!url.StartsWith(MediaBucket + "/", StringComparison.Ordinal) || !_uploads.ContainsKey(url[(MediaBucket.Length + 1)..]))
                    return Errors("BAD_URL", "you should check that url", "url");
                break;
            default:
                return Errors("INVALID_OPTION", "that option is not valid", "kind");
        }
        var post = new EmulatedRedditPost(RandomHex(7), account.Id, account.Name,
            sr.Name, kind, title, kind == "self" ? text : null, kind == "self" ? null : url, form["flair_id"].ToString() is { Length: > 0 } f ? f : null, DateTimeOffset.UtcNow);
        if (kind == "image" && HoldImagePosts) _processing[post.Id] = true;
        _posts.Enqueue(post);
        // Media posts are finished asynchronously; the answer only says where to listen.
        if (kind == "image")
            return Results.Json(new { json = new { errors = Array.Empty<object>(), data = new { user_submitted_page = $"https://www.reddit.com/user/{account.Name}/submitted/", websocket_url = $"wss://ws-{post.Id}.wss.redditmedia.com/rte_images/{post.Id}?m=AQAA" } } });
        return Results.Json(new { json = new { errors = Array.Empty<object>(), data = new { url = "https://www.reddit.com" + post.Permalink, drafts_count = 0, id = post.Id, name = post.Name } } });
    }

    private async Task<IResult> LeaseAsync(HttpContext http)
    {
        if (Authenticate(http, "submit", out _) is { } denied) return denied;
        var form = await http.Request.ReadFormAsync();
        var filepath = form["filepath"].ToString();
        var mimetype = form["mimetype"].ToString();
        if (filepath.Length == 0 || !ImageTypes.Contains(mimetype)) return Json(400, """{"message": "Bad Request", "error": 400}""");
        var assetId = RandomHex(10);
        var key = $"rte_images/{assetId}";
        var fields = new Dictionary<string, string>
        {
            ["acl"] = "private",
            ["key"] = key,
            ["X-Amz-Credential"] = "ASIAEMULATED/20261202/us-east-1/s3/aws4_request",
            ["X-Amz-Algorithm"] = "AWS4-HMAC-SHA256",
            ["X-Amz-Date"] = "20261202T000000Z",
            ["success_action_status"] = "201",
            ["content-type"] = mimetype,
            ["x-amz-storage-class"] = "STANDARD",
            ["x-amz-meta-ext"] = Path.GetExtension(filepath).TrimStart('.'),
            ["policy"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["X-Amz-Signature"] = RandomHex(32),
            ["x-amz-security-token"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
        };
        _leases[key] = fields;
        return Results.Json(new
        {
            args = new { action = "//reddit-uploaded-media.s3-accelerate.amazonaws.com", fields = fields.Select(f => new { name = f.Key, value = f.Value }) },
            asset = new { asset_id = assetId, processing_state = "incomplete", payload = new { filepath }, websocket_url = $"wss://ws-{assetId}.wss.redditmedia.com/rte_images/{assetId}?m=AQAA" },
        });
    }

    // S3's browser-based POST upload: every signed field exactly as leased, the file last (S3 drops
    // fields that come after it), and XML answers.
    private async Task<IResult> UploadAsync(HttpContext http)
    {
        http.Request.Body.Position = 0;
        var raw = await new StreamReader(http.Request.Body, Encoding.Latin1, leaveOpen: true).ReadToEndAsync();
        http.Request.Body.Position = 0;
        var form = await http.Request.ReadFormAsync();
        var fileAt = PartAt(raw, "file");
        if (form.Files.Count != 1 || form.Files[0].Name != "file") return S3Error(400, "InvalidArgument", "POST requires exactly one file upload per request.");
        if (!_leases.TryGetValue(form["key"].ToString(), out var lease)) return S3Error(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"rte_images/\"]");
        foreach (var (name, value) in lease)
        {
            if (form[name] != value || PartAt(raw, name) > fileAt)
                return S3Error(403, "AccessDenied", $"Invalid according to Policy: Policy Condition failed: [\"eq\", \"${name}\", \"{value}\"]");
        }
        var file = form.Files[0];
        if (file.Length > MaxUploadBytes) return S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        _uploads[lease["key"]] = bytes.ToArray();
        _leases.TryRemove(lease["key"], out _);
        var location = $"{MediaBucket}/{Uri.EscapeDataString(lease["key"])}";
        return Results.Content($"""<?xml version="1.0" encoding="UTF-8"?><PostResponse><Location>{location}</Location><Bucket>reddit-uploaded-media</Bucket><Key>{lease["key"]}</Key><ETag>"{RandomHex(16)}"</ETag></PostResponse>""",
            "application/xml", Encoding.UTF8, 201);
    }

    private IResult About(HttpContext http, string name)
    {
        if (Authenticate(http, "read", out var account) is { } denied) return denied;
        if (!_subreddits.TryGetValue(name, out var sr)) return Json(404, """{"message": "Not Found", "error": 404}""");
        var contributor = sr.Contributors.Contains(account.Name);
        if (sr.Type == "private" && !contributor) return Json(403, """{"reason": "private", "message": "Forbidden", "error": 403}""");
        return Results.Json(new
        {
            kind = "t5",
            data = new
            {
                display_name = sr.Name,
                display_name_prefixed = $"r/{sr.Name}",
                name = $"t5_{sr.Name.ToLowerInvariant()}",
                subreddit_type = sr.Type,
                submission_type = sr.SubmissionType,
                user_is_banned = sr.Banned.Contains(account.Name),
                user_is_contributor = contributor,
                over18 = false,
                subscribers = 1234,
            },
        });
    }

    private IResult Submitted(HttpContext http, string name)
    {
        if (Authenticate(http, "history", out _) is { } denied) return denied;
        var limit = int.TryParse(http.Request.Query["limit"], out var l) ? Math.Clamp(l, 1, 100) : 25;
        var raw = http.Request.Query["raw_json"] == "1";
        var posts = _posts.Where(p => string.Equals(p.Author, name, StringComparison.OrdinalIgnoreCase) && !_processing.ContainsKey(p.Id)).OrderByDescending(p => p.Created).Take(limit);
        return Results.Json(new
        {
            kind = "Listing",
            data = new
            {
                after = (string?)null,
                dist = posts.Count(),
                children = posts.Select(p => new
                {
                    kind = "t3",
                    data = new
                    {
                        id = p.Id,
                        name = p.Name,
                        title = raw ? p.Title : p.Title.Replace("&", "&amp;"),
                        subreddit = p.Subreddit,
                        author = p.Author,
                        created_utc = (double)p.Created.ToUnixTimeSeconds(),
                        permalink = p.Permalink,
                        url = p.Url ?? "https://www.reddit.com" + p.Permalink,
                        is_self = p.Kind == "self",
                    },
                }),
                before = (string?)null,
            },
        });
    }

    // Where a multipart part of that name starts (quoted or not, as clients differ).
    private static int PartAt(string body, string name) =>
        Regex.Match(body, $"form-data; name=\"?{Regex.Escape(name)}\"?(;|\r)") is { Success: true } match ? match.Index : -1;

    private static IResult Errors(string code, string message, string field) =>
        Results.Json(new { json = new { errors = new[] { new[] { code, message, field } } } });

    private static IResult S3Error(int status, string code, string message) =>
        Results.Content($"""<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{WebUtility.HtmlEncode(message)}</Message><RequestId>EMULATED</RequestId></Error>""",
            "application/xml", Encoding.UTF8, status);

    private static string RandomHex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length / 2 + 1))[..length];
}

public sealed record EmulatedSubreddit(string Name, string Type, string SubmissionType)
{
    public HashSet<string> Banned { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Contributors { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed record EmulatedRedditPost(string Id, string AccountId, string Author, string Subreddit, string Kind, string Title,
    string? Text, string? Url, string? FlairId, DateTimeOffset Created)
{
    public string Name => $"t3_{Id}";
    public string Permalink => $"/r/{Subreddit}/comments/{Id}/{new string(Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(40).ToArray())}/";
}
