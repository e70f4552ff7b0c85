using System.Text.Json;

namespace Sosyabot.Core.Providers.Bluesky;

// app.bsky.video.defs#jobStatus: any state but the two final ones means still processing; blob is
// set once the video service has stored the processed file on the PDS.
// lexicons/app/bsky/video/defs.json
internal sealed record BlueskyJobStatus(string? JobId, string? Did, string? State, int? Progress, JsonElement? Blob, string? Error, string? FailureCode, string? Message)
{
    public const string Completed = "JOB_STATE_COMPLETED";
    public const string Failed = "JOB_STATE_FAILED";
}

// app.bsky.video.getUploadLimits output: the account's daily quota on the video service.
internal sealed record BlueskyUploadLimits(bool CanUpload, long? RemainingDailyVideos, long? RemainingDailyBytes, string? Message, string? Error);

// com.atproto.server.getSession output, only the DID document's PDS entry (did-core service list).
internal sealed record BlueskySessionInfo(string? Did, BlueskyDidDocument? DidDoc);

internal sealed record BlueskyDidDocument(IReadOnlyList<BlueskyDidService>? Service);

internal sealed record BlueskyDidService(string? Id, string? Type, string? ServiceEndpoint);
