using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Sosyabot.Tests.Emulator.Mastodon;

// POST /api/v2/media and GET /api/v1/media/:id (app/controllers/api/v2/media_controller.rb,
// api/v1/media_controller.rb): the write:media scope, a real image or video file, images processed at
// once (200), video and GIFs (larger_media_format?: converted to gifv) always later: 202 with url null,
// then 206 on each of the first MediaProcessingPolls polls, then 200 with the url, or 422
// when processing failed. Attached media are no longer found there (where(status_id: nil)).
public sealed partial class MastodonServerEmulator
{
    private const long ImageSizeLimit = 16 * 1024 * 1024;
    private const long VideoSizeLimit = 99 * 1024 * 1024;
    private static readonly string[] MediaTypes = ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/quicktime"];

    private readonly ConcurrentDictionary<string, EmulatedMedia> _media = new();
    private long _nextMediaId = 112_000_000_000_000_000;

    public sealed class EmulatedMedia(string id, string accountId, string contentType, string fileName, string? description, int bytes, int pollsLeft)
    {
        public string Id { get; } = id;
        public string AccountId { get; } = accountId;
        public string ContentType { get; } = contentType;
        public string FileName { get; } = fileName;
        public string? Description { get; } = description;
        public int Bytes { get; } = bytes;
        public int PollsLeft { get; set; } = pollsLeft;
        public bool ProcessingFailed { get; set; }
        public bool IsVideo => ContentType.StartsWith("video/");
        public int Polls { get; set; }
        public string? AttachedTo { get; set; }
    }

    // How many GETs a video or GIF answers 206 before it is processed (it is never ready at upload).
    public int MediaProcessingPolls { get; set; } = 1;

    // The next video or GIF fails processing: its polls end in 422 instead of 200.
    public bool FailNextProcessing { get; set; }

    public IReadOnlyCollection<EmulatedMedia> Media => _media.Values.ToList();

    private async Task<IResult> UploadMediaAsync(HttpRequest request)
    {
        if (UserToken(request, "write:media") is { } refused) return refused;
        if (!request.HasFormContentType) return Error(422, "Validation failed: File can't be blank");
        var form = await request.ReadFormAsync();
        if (form.Files.GetFile("file") is not { } file) return Error(422, "Validation failed: File can't be blank");
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var bytes = content.ToArray();
        if (!MediaTypes.Contains(file.ContentType) || !LooksLike(file.ContentType, bytes))
            return Error(422, "Validation failed: File content type is invalid");
        var larger = file.ContentType.StartsWith("video/") || file.ContentType == "image/gif";
        if (bytes.Length > (larger ? VideoSizeLimit : ImageSizeLimit))
            return Error(422, $"Validation failed: File file size must be less than {(larger ? 99 : 16)} MB");

        var media = new EmulatedMedia(Interlocked.Increment(ref _nextMediaId).ToString(), BearerToken(request)!.AccountId!, file.ContentType,
            file.FileName, form["description"].ToString() is { Length: > 0 } d ? d : null, bytes.Length, larger ? MediaProcessingPolls : 0);
        if (larger && FailNextProcessing)
        {
            media.ProcessingFailed = true;
            FailNextProcessing = false;
        }
        _media[media.Id] = media;
        return Json(larger ? 202 : 200, MediaJson(media, ready: !larger));
    }

    private IResult GetMedia(HttpRequest request, string id)
    {
        if (BearerToken(request) is not { } issued) return Error(401, "The access token is invalid");
        if (!_media.TryGetValue(id, out var media) || media.AccountId != issued.AccountId || media.AttachedTo is not null) return Error(404, "Record not found");
        media.Polls++;
        if (media.PollsLeft > 0)
        {
            media.PollsLeft--;
            return Json(206, MediaJson(media, ready: false));
        }
        return media.ProcessingFailed ? Error(422, "Error processing thumbnail for uploaded media") : Json(200, MediaJson(media));
    }

    private object MediaJson(EmulatedMedia m) => MediaJson(m, m.PollsLeft == 0);

    private object MediaJson(EmulatedMedia m, bool ready)
    {
        var url = $"{Origin}/system/media_attachments/files/{m.Id}/original/{m.FileName}";
        return new
        {
            id = m.Id, type = m.ContentType.StartsWith("video/") ? "video" : m.ContentType == "image/gif" ? "gifv" : "image",
            url = ready ? url : null, preview_url = $"{Origin}/system/media_attachments/files/{m.Id}/small/{m.FileName}",
            remote_url = (string?)null, text_url = (string?)null, description = m.Description, blurhash = "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}",
            meta = new { original = new { width = 2, height = 2 } },
        };
    }

    // Paperclip checks the content, not the name: PNG, JPEG, GIF and WebP signatures, and for MP4 and
    // MOV the ISO base media "ftyp" box that every such file starts with.
    private static bool LooksLike(string contentType, byte[] b) => contentType switch
    {
        "image/png" => b.Length > 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G',
        "image/jpeg" => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF,
        "image/gif" => b.Length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F',
        "image/webp" => b.Length > 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P',
        "video/mp4" or "video/quicktime" => b.Length > 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p',
        _ => b.Length > 0,
    };
}
