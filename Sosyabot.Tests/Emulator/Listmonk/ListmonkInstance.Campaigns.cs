using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Listmonk;

// Campaigns and the media library as cmd/campaigns.go and cmd/media.go serve them: creation validated
// by validateCampaignFields (400 {"message"}), status changes allowed only as core/campaigns.go allows
// them (a campaign starts only from draft or paused), the list query a text search over name and subject.
public sealed partial class ListmonkInstance
{
    public const string ManageCampaigns = "campaigns:manage_all";
    public const string GetCampaigns = "campaigns:get_all";
    public const string UploadMedia = "media:upload";
    private static readonly HashSet<string> MediaExtensions = [".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp"];

    private readonly ConcurrentDictionary<int, EmulatedListmonkCampaign> _campaigns = new();
    private readonly ConcurrentDictionary<int, EmulatedListmonkMedia> _media = new();
    private int _nextCampaignId;
    private int _nextMediaId;
    private int _campaignsStarted;

    public IReadOnlyList<EmulatedListmonkCampaign> Campaigns => _campaigns.Values.OrderBy(c => c.Id).ToList();

    public IReadOnlyList<EmulatedListmonkMedia> Media => _media.Values.OrderBy(m => m.Id).ToList();

    // Each start is a mailing to the list: the number a duplicate would show up in.
    public int CampaignsStarted => _campaignsStarted;

    private void MapCampaigns(IEndpointRouteBuilder routes)
    {
        routes.MapPost($"{routePrefix}/api/campaigns", HandleAsync(CreateCampaignAsync));
        routes.MapGet($"{routePrefix}/api/campaigns", Handle(QueryCampaigns));
        routes.MapPut($"{routePrefix}/api/campaigns/{{id}}/status", HandleAsync(ChangeStatusAsync));
        routes.MapPost($"{routePrefix}/api/media", HandleAsync(UploadMediaAsync));
    }

    private async Task<IResult> CreateCampaignAsync(HttpContext context)
    {
        if (Authorize(context, "campaigns:manage", ManageCampaigns) is { } denied) return denied;
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        }
        catch (JsonException)
        {
            return Message(400, "Invalid JSON in request");
        }
        string Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var lists = body.TryGetProperty("lists", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Number).Select(i => i.GetInt32()).ToList() : [];
        var (name, subject, type) = (Text("name"), Text("subject"), Text("type"));
        if (name.Trim().Length is 0 or > 2000) return Message(400, "Invalid length for name.");
        if (subject.Trim().Length is 0 or > 5000) return Message(400, "Invalid length for subject.");
        if (lists.Count == 0 || lists.Any(id => !_lists.ContainsKey(id))) return Message(400, "Invalid list IDs.");
        if (type is not ("regular" or "optin")) return Message(400, "Invalid campaign type.");
        // An unknown content type is not refused: Listmonk falls back to richtext.
        var contentType = Text("content_type") is "richtext" or "html" or "markdown" or "plain" or "visual" ? Text("content_type") : "richtext";
        var campaign = new EmulatedListmonkCampaign(Interlocked.Increment(ref _nextCampaignId), Guid.NewGuid(), name, subject, lists, type, contentType, Text("body"));
        _campaigns[campaign.Id] = campaign;
        return Results.Json(new { data = Shape(campaign, withBody: true) });
    }

    private IResult QueryCampaigns(HttpContext context)
    {
        if (Authorize(context, "campaigns:get", GetCampaigns) is { } denied) return denied;
        var query = context.Request.Query["query"].ToString().Trim();
        var statuses = context.Request.Query["status"].Where(s => !string.IsNullOrEmpty(s)).ToHashSet();
        var found = Campaigns.Where(c => (query.Length == 0 || $"{c.Name} {c.Subject}".Contains(query, StringComparison.OrdinalIgnoreCase))
            && (statuses.Count == 0 || statuses.Contains(c.Status))).ToList();
        var withBody = context.Request.Query["no_body"] != "true";
        return Results.Json(new { data = new { results = found.Select(c => Shape(c, withBody)), query, total = found.Count, per_page = found.Count, page = 1 } });
    }

    private async Task<IResult> ChangeStatusAsync(HttpContext context)
    {
        if (Authorize(context, "campaigns:manage", ManageCampaigns) is { } denied) return denied;
        if (!int.TryParse((string?)context.Request.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            return Message(400, "Invalid ID.");
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        var status = body.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (!_campaigns.TryGetValue(id, out var campaign)) return Message(400, "Campaign not found.");
        lock (campaign)
        {
            var allowed = status switch
            {
                "running" => campaign.Status is "draft" or "paused" or "scheduled",
                "paused" or "cancelled" => campaign.Status == "running",
                "scheduled" => campaign.Status == "draft",
                _ => false,
            };
            if (!allowed) return Message(400, $"Cannot change the status of a {campaign.Status} campaign to {status}.");
            campaign.Status = status!;
            if (status == "running")
            {
                campaign.StartedAt = DateTimeOffset.UtcNow;
                Interlocked.Increment(ref _campaignsStarted);
            }
        }
        return Results.Json(new { data = Shape(campaign, withBody: true) });
    }

    private async Task<IResult> UploadMediaAsync(HttpContext context)
    {
        if (Authorize(context, "media:get", UploadMedia) is { } denied) return denied;
        if (!context.Request.HasFormContentType) return Message(400, "Invalid file.");
        var form = await context.Request.ReadFormAsync();
        if (form.Files.GetFile("file") is not { } file) return Message(400, "Invalid file.");
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!MediaExtensions.Contains(extension)) return Message(400, $"Unsupported file type ({extension}).");
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var media = new EmulatedListmonkMedia(Interlocked.Increment(ref _nextMediaId), Guid.NewGuid(), file.FileName, file.ContentType, bytes.ToArray());
        _media[media.Id] = media;
        return Results.Json(new
        {
            data = new
            {
                id = media.Id,
                uuid = media.Uuid,
                filename = media.FileName,
                content_type = media.ContentType,
                created_at = "2026-12-02T06:31:06.072483Z",
                thumb_url = $"{url}/uploads/thumb_{media.FileName}",
                provider = "filesystem",
                meta = new { width = 1, height = 1 },
                url = MediaUrl(media),
            },
        });
    }

    public string MediaUrl(EmulatedListmonkMedia media) => $"{url}/uploads/{media.FileName}";

    private object Shape(EmulatedListmonkCampaign c, bool withBody) => new
    {
        id = c.Id,
        created_at = "2026-12-02T06:31:06.072483Z",
        updated_at = "2026-12-02T06:31:06.072483Z",
        views = 0,
        clicks = 0,
        bounces = 0,
        lists = c.ListIds.Select(id => new { id, name = _lists.TryGetValue(id, out var list) ? list.Name : "" }),
        started_at = c.StartedAt,
        to_send = 0,
        sent = 0,
        uuid = c.Uuid,
        type = c.Type,
        name = c.Name,
        subject = c.Subject,
        from_email = "Newsletter <news@listmonk.example>",
        body = withBody ? c.Body : "",
        altbody = (string?)null,
        send_at = (string?)null,
        status = c.Status,
        content_type = c.ContentType,
        tags = Array.Empty<string>(),
        template_id = 1,
        messenger = "email",
        archive = false,
        archive_slug = (string?)null,
    };

    private static RequestDelegate HandleAsync(Func<HttpContext, Task<IResult>> handler) => async context => await (await handler(context)).ExecuteAsync(context);
}

public sealed class EmulatedListmonkCampaign(int id, Guid uuid, string name, string subject, List<int> listIds, string type, string contentType, string body)
{
    public int Id => id;
    public Guid Uuid => uuid;
    public string Name => name;
    public string Subject => subject;
    public IReadOnlyList<int> ListIds => listIds;
    public string Type => type;
    public string ContentType => contentType;
    public string Body => body;
    public string Status { get; set; } = "draft";
    public DateTimeOffset? StartedAt { get; set; }
}

public sealed record EmulatedListmonkMedia(int Id, Guid Uuid, string FileName, string ContentType, byte[] Bytes);
