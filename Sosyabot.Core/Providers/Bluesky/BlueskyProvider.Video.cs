using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Bluesky.BlueskyDefaults;

namespace Sosyabot.Core.Providers.Bluesky;

// A video goes to Bluesky's video service, which transcodes it and stores the result on the user's
// PDS, then hands back the blob for the post's app.bsky.embed.video (docs.bsky.app/docs/tutorials/video).
// The service acts with tokens the PDS signs (getServiceAuth): one addressed to the service to read
// the account's daily quota first, one addressed to the PDS for uploadBlob, which the service spends
// storing the blob. Processing takes seconds to minutes, so a job still running returns Pending with
// its id: no worker waits, and the part's record key is the same whenever the post is finally made.
public sealed partial class BlueskyProvider
{
    private static readonly TimeSpan VideoPollInterval = TimeSpan.FromSeconds(5);

    // The docs recommend 30 minutes for the upload token, which must outlive a slow upload; a PDS
    // signs at most an hour. The quota token is spent at once.
    private static readonly TimeSpan UploadTokenLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LimitsTokenLifetime = TimeSpan.FromMinutes(1);

    private async Task<BlueskyJobStatus> UploadVideoAsync(ProviderApi pds, BlueskySessionRef session, PublishMedia video, CancellationToken ct)
    {
        var service = VideoApi();
        await EnsureCanUploadAsync(pds, service, session, ct);
        var audience = "did:web:" + await RepoHostAsync(pds, session, ct);
        var token = await ServiceTokenAsync(pds, session, audience, UploadBlobMethod, UploadTokenLifetime, ct);

        await using var stream = await video.OpenAsync(ct);
        var url = $"{VideoService}{UploadVideoPath}?did={Uri.EscapeDataString(session.Did)}&name={Uri.EscapeDataString(video.FileName)}";
        // A job nobody posts is never shown, and the service answers a second upload of the same file
        // with the first one's blob: uploading again cannot post twice, so a lost answer is Transient.
        var upload = new HttpRequestMessage(HttpMethod.Post, url).MarkRepeatable();
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        upload.Content = new StreamContent(stream);
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentTypes.Mp4);
        upload.Content.Headers.ContentLength = video.Length;
        var json = await service.SendForJsonAsync(upload, ct, apis.Options.UploadTimeout);
        // The lexicon wraps the answer in jobStatus; the service (and the docs' sample) answers it bare.
        return ReadJob(json.TryGetProperty("jobStatus", out var wrapped) ? wrapped : json);
    }

    private async Task<BlueskyJobStatus> JobStatusAsync(string jobId, CancellationToken ct)
    {
        var json = await VideoApi().SendForJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"{VideoService}{GetJobStatusPath}?jobId={Uri.EscapeDataString(jobId)}"), ct);
        return ReadJob(json.TryGetProperty("jobStatus", out var status) ? status : default);
    }

    // Refused before the upload, in Bluesky's words (unverified email, daily limit reached...).
    private async Task EnsureCanUploadAsync(ProviderApi pds, ProviderApi service, BlueskySessionRef session, CancellationToken ct)
    {
        var token = await ServiceTokenAsync(pds, session, VideoServiceDid, GetUploadLimitsMethod, LimitsTokenLifetime, ct);
        var request = new HttpRequestMessage(HttpMethod.Get, VideoService + GetUploadLimitsPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var limits = Read<BlueskyUploadLimits>(await service.SendForJsonAsync(request, ct), "its upload limits");
        if (!limits.CanUpload)
            throw new ProviderException(ProviderErrorKind.Rejected,
                $"Bluesky does not take a video from this account now: {limits.Message ?? limits.Error ?? "the daily video limit is reached"}");
    }

    private async Task<string> ServiceTokenAsync(ProviderApi pds, BlueskySessionRef session, string audience, string method, TimeSpan lifetime, CancellationToken ct)
    {
        var exp = (clock.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var path = $"{GetServiceAuthPath}?aud={Uri.EscapeDataString(audience)}&lxm={method}&exp={exp}";
        var json = await pds.SendForJsonAsync(session.Authorized(HttpMethod.Get, path), ct);
        return json.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } value
            ? value
            : throw new ProviderException(ProviderErrorKind.Transient, "Bluesky did not return a service token for the video upload.");
    }

    // The upload token is addressed to the PDS that holds the repo. An account of bsky.social signs in
    // at the entryway, but its repo lives on another host, named in its DID document; the official
    // app uses that one too (@atproto/api's dispatchUrl, social-app PR #5042).
    private static async Task<string> RepoHostAsync(ProviderApi pds, BlueskySessionRef session, CancellationToken ct)
    {
        var info = Read<BlueskySessionInfo>(await pds.SendForJsonAsync(session.Authorized(HttpMethod.Get, GetSessionPath), ct), "its session");
        var endpoint = info.DidDoc?.Service?.FirstOrDefault(s => s.Id is "#atproto_pds" || s.Id?.EndsWith("#atproto_pds", StringComparison.Ordinal) == true)?.ServiceEndpoint;
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Host : new Uri(session.Pds).Host;
    }

    // A blob settles the job whatever its state says: a file the service processed before comes back
    // as a failed job with error already_exists and that earlier blob (docs, "Note").
    private static JsonNode? BlobOf(BlueskyJobStatus job)
    {
        if (job.Blob is { ValueKind: JsonValueKind.Object } blob) return JsonNode.Parse(blob.GetRawText());
        return job.State switch
        {
            BlueskyJobStatus.Failed => throw new ProviderException(ProviderErrorKind.Rejected,
                $"Bluesky could not process the video: {job.Message ?? job.Error ?? job.FailureCode ?? "no reason given"}"),
            BlueskyJobStatus.Completed => throw new ProviderException(ProviderErrorKind.Transient, "Bluesky finished processing the video but did not return it."),
            _ => null,
        };
    }

    private static JsonObject VideoEmbed(PublishMedia video, JsonNode blob)
    {
        var embed = new JsonObject { ["$type"] = "app.bsky.embed.video", ["video"] = blob, ["alt"] = video.AltText ?? "" };
        if (video is { Width: > 0 and var width, Height: > 0 and var height })
            embed["aspectRatio"] = new JsonObject { ["width"] = width, ["height"] = height };
        return embed;
    }

    private static BlueskyJobStatus ReadJob(JsonElement json)
    {
        var job = json.ValueKind == JsonValueKind.Object ? Read<BlueskyJobStatus>(json, "the video job") : null;
        return job is { JobId.Length: > 0 } ? job : throw new ProviderException(ProviderErrorKind.Transient, "Bluesky did not describe the video job.");
    }

    private static T Read<T>(JsonElement json, string what)
    {
        try
        {
            return json.Deserialize<T>(Json) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new ProviderException(ProviderErrorKind.Transient, $"Bluesky answered with something that is not {what}.");
        }
    }

    private ProviderApi VideoApi() =>
        apis.Create(ProviderClients.For(Key), BlueskyDefaults.Info.DisplayName, new BlueskyVideoErrorInspector(clock));
}
