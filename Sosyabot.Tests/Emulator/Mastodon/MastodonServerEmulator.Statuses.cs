using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Sosyabot.Tests.Emulator.Mastodon;

// Statuses as Mastodon makes them (app/controllers/api/v1/statuses_controller.rb, PostStatusService):
// write:statuses scope, the Idempotency-Key checked before anything else (same account + key answers
// the status already made), in_reply_to_id that must exist, 500 characters, media that must be the
// account's own, unattached and processed, and a video only on its own (PostStatusService#validate_media!,
// config/locales/en.yml media_attachments.validations). Every status made is kept so tests can count them.
public sealed partial class MastodonServerEmulator
{
    private static readonly string[] Visibilities = ["public", "unlisted", "private", "direct"];

    private readonly ConcurrentQueue<EmulatedStatus> _statuses = new();
    private readonly ConcurrentDictionary<string, string> _idempotency = new();
    private readonly Lock _statusLock = new();
    private long _nextStatusId = 113_000_000_000_000_000;

    public sealed record EmulatedStatus(string Id, string AccountId, string Text, string Visibility, string SpoilerText, string? InReplyToId,
        IReadOnlyList<string> MediaIds, DateTimeOffset CreatedAt, string? IdempotencyKey);

    // A user token with other scopes than the app asked for (an older registration, a hand-made token).
    public string TokenWithScopes(string accountId, string scope) => IssueToken(_apps.Keys.First(), accountId, scope);

    public IReadOnlyList<EmulatedStatus> StatusesOf(string accountId) => _statuses.Where(s => s.AccountId == accountId).ToList();

    private void MapPublishing(IEndpointRouteBuilder routes, string p)
    {
        routes.MapPost(p + "/api/v1/statuses", CreateStatusAsync);
        routes.MapGet(p + "/api/v1/accounts/{id}/statuses", AccountStatuses);
        routes.MapPost(p + "/api/v2/media", UploadMediaAsync);
        routes.MapGet(p + "/api/v1/media/{id}", GetMedia);
    }

    private async Task<IResult> CreateStatusAsync(HttpRequest request)
    {
        if (UserToken(request, "write:statuses") is { } refused) return refused;
        var accountId = BearerToken(request)!.AccountId!;
        var form = await ParamsAsync(request);
        string? Get(string key) => form.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        var key = request.Headers["Idempotency-Key"].ToString();

        lock (_statusLock)
        {
            if (key.Length > 0 && _idempotency.TryGetValue($"{accountId}:{key}", out var existing))
                return Json(200, StatusJson(_statuses.Single(s => s.Id == existing)));

            var replyTo = Get("in_reply_to_id");
            if (replyTo is not null && _statuses.All(s => s.Id != replyTo)) return Error(404, "Record not found");
            var mediaIds = (form.GetValueOrDefault("media_ids[]").Count > 0 ? form["media_ids[]"] : form.GetValueOrDefault("media_ids"))
                .Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();
            if (mediaIds.Length > 4) return Error(422, "Cannot attach more than 4 files");
            var media = mediaIds.Select(id => _media.GetValueOrDefault(id)).ToArray();
            if (media.Any(m => m is null || m.AccountId != accountId || m.AttachedTo is not null))
                return Error(422, $"Media {string.Join(", ", mediaIds.Where((_, i) => media[i] is null || media[i]!.AccountId != accountId || media[i]!.AttachedTo is not null))} not found or already attached to another post");
            if (media.Length > 1 && media.Any(m => m!.IsVideo)) return Error(422, "Cannot attach a video to a post that already contains images");
            if (media.Any(m => m!.PollsLeft > 0 || m.ProcessingFailed)) return Error(422, "Cannot attach files that have not finished processing. Try again in a moment!");

            var text = Get("status") ?? "";
            if (text.Trim().Length == 0 && mediaIds.Length == 0) return Error(422, "Validation failed: Text can't be blank");
            if (text.EnumerateRunes().Count() > MaxCharacters) return Error(422, $"Validation failed: Text character limit of {MaxCharacters} exceeded");
            var visibility = Get("visibility") ?? "public";
            if (!Visibilities.Contains(visibility)) return Error(422, "Validation failed: Visibility is not included in the list");

            var status = new EmulatedStatus((++_nextStatusId).ToString(), accountId, text, visibility, Get("spoiler_text") ?? "", replyTo,
                mediaIds, DateTimeOffset.UtcNow, key.Length > 0 ? key : null);
            _statuses.Enqueue(status);
            foreach (var m in media) m!.AttachedTo = status.Id;
            if (key.Length > 0) _idempotency[$"{accountId}:{key}"] = status.Id;
            return Json(200, StatusJson(status));
        }
    }

    // Anonymous readers see public and unlisted statuses; a token without read:statuses is refused
    // (authorize_if_got_token! :read, :'read:statuses'). Newest first, max_id pages back.
    private IResult AccountStatuses(HttpRequest request, string id)
    {
        if (!StringValues.IsNullOrEmpty(request.Headers.Authorization))
        {
            if (BearerToken(request) is not { } issued) return Error(401, "The access token is invalid");
            if (!issued.Scope.Split(' ').Any(s => s is "read" or "read:statuses")) return Error(403, "This action is outside the authorized scopes");
        }
        if (!_accounts.ContainsKey(id)) return Error(404, "Record not found");
        var limit = int.TryParse(request.Query["limit"], out var l) ? Math.Clamp(l, 1, 40) : 20;
        var maxId = long.TryParse(request.Query["max_id"], out var m) ? m : long.MaxValue;
        var page = _statuses.Where(s => s.AccountId == id && s.Visibility is "public" or "unlisted" && long.Parse(s.Id) < maxId)
            .OrderByDescending(s => long.Parse(s.Id)).Take(limit).Select(StatusJson).ToList();
        return Json(200, page);
    }

    private object StatusJson(EmulatedStatus s)
    {
        var host = new Uri(Origin).Host;
        var account = _accounts[s.AccountId];
        return new
        {
            id = s.Id, created_at = s.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), in_reply_to_id = s.InReplyToId,
            in_reply_to_account_id = s.InReplyToId is null ? null : _statuses.Single(x => x.Id == s.InReplyToId).AccountId,
            sensitive = s.SpoilerText.Length > 0, spoiler_text = s.SpoilerText, visibility = s.Visibility, language = "en",
            uri = $"https://{host}/users/{account.Username}/statuses/{s.Id}", url = $"https://{host}/@{account.Username}/{s.Id}",
            replies_count = 0, reblogs_count = 0, favourites_count = 0, content = Html(s.Text),
            account = new { id = account.Id, username = account.Username, acct = account.Username, display_name = account.DisplayName },
            media_attachments = s.MediaIds.Select(id => MediaJson(_media[id])).ToArray(),
            mentions = Array.Empty<object>(), tags = Array.Empty<object>(), emojis = Array.Empty<object>(), card = (object?)null, poll = (object?)null,
        };
    }

    // What Mastodon's TextFormatter makes of plain text: escaped, paragraphs on blank lines, <br /> inside.
    private static string Html(string text) =>
        string.Concat(WebUtility.HtmlEncode(text).Replace("\r\n", "\n").Split("\n\n").Select(p => $"<p>{p.Replace("\n", "<br />")}</p>"));

    // 401 without a live token, 403 without the scope, 422 for an app token (no user).
    private IResult? UserToken(HttpRequest request, string scope)
    {
        if (BearerToken(request) is not { } issued) return Error(401, "The access token is invalid");
        if (!issued.Scope.Split(' ').Any(s => s == "write" || s == scope)) return Error(403, "This action is outside the authorized scopes");
        return issued.AccountId is null ? Error(422, "This method requires an authenticated user") : null;
    }
}
