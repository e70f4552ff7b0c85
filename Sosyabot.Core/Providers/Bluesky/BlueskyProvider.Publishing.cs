using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Publishing.Validation;
using static Sosyabot.Core.Providers.Bluesky.BlueskyDefaults;

namespace Sosyabot.Core.Providers.Bluesky;

// A post is an app.bsky.feed.post record made with com.atproto.repo.createRecord under a record key
// fixed by the part's idempotency key (BlueskyTid): a second create with that key cannot add a post,
// it fails (a 500 today, atproto#3718: Unknown), and the resolver reads that one record to settle it.
// Images go up first as blobs (BlueskyProvider.Media.cs); a video goes through the video service and
// may come back Pending until it is processed (BlueskyProvider.Video.cs).
// https://docs.bsky.app/docs/advanced-guides/posts
public sealed partial class BlueskyProvider : IPublisher, IPublishStatusChecker
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        request.EnsureValid(Rules);
        var session = BlueskySessionRef.Of(request.Channel);
        var api = Api(atConnect: false);
        if (request.Part.Media is [{ Kind: MediaKind.Video } video])
        {
            var job = await UploadVideoAsync(api, session, video, ct);
            return BlobOf(job) is { } blob
                ? await CreatePostAsync(api, session, request, VideoEmbed(video, blob), ct)
                : new PendingPublish(job.JobId!, VideoPollInterval);
        }
        return await CreatePostAsync(api, session, request, await ImagesEmbedAsync(api, session, request.Part.Media, ct), ct);
    }

    // Pending came back because the video was still processing; its handle is the video service's job id.
    public async Task<PublishResult> CheckAsync(PublishRequest request, PendingPublish pending, CancellationToken ct)
    {
        var session = BlueskySessionRef.Of(request.Channel);
        var job = await JobStatusAsync(pending.StatusHandle, ct);
        return BlobOf(job) is { } blob
            ? await CreatePostAsync(Api(atConnect: false), session, request, VideoEmbed(request.Part.Media.Single(), blob), ct)
            : pending with { CheckAfter = VideoPollInterval };
    }

    private async Task<PublishedPost> CreatePostAsync(ProviderApi api, BlueskySessionRef session, PublishRequest request, JsonObject? embed, CancellationToken ct)
    {
        var text = request.Part.Text;
        var record = new JsonObject
        {
            ["$type"] = PostCollection,
            ["text"] = text,
            ["createdAt"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
        };
        if (request.Field(LanguageField) is { Length: > 0 } language) record["langs"] = new JsonArray(language);
        var facets = await BlueskyFacets.BuildAsync(text, handle => ResolveHandleAsync(api, session, handle, ct));
        if (facets.Count > 0) record["facets"] = facets;
        if (request.Parent is { } parent) record["reply"] = new JsonObject { ["root"] = StrongRef(request.Root ?? parent), ["parent"] = StrongRef(parent) };
        if (embed is not null) record["embed"] = embed;

        var rkey = BlueskyTid.From(request.IdempotencyKey);
        var create = session.Authorized(HttpMethod.Post, CreateRecordPath);
        create.Content = JsonContent.Create(new JsonObject { ["repo"] = session.Did, ["collection"] = PostCollection, ["rkey"] = rkey, ["record"] = record });
        var json = await api.SendForJsonAsync(create, ct);
        return ToPost(json, session, rkey);
    }

    private static PublishedPost ToPost(JsonElement json, BlueskySessionRef session, string rkey)
    {
        var uri = json.TryGetProperty("uri", out var u) ? u.GetString() : null;
        var cid = json.TryGetProperty("cid", out var c) ? c.GetString() : null;
        if (string.IsNullOrEmpty(uri) || string.IsNullOrEmpty(cid))
            throw new ProviderException(ProviderErrorKind.Unknown, "Bluesky accepted the post but did not return its address; it will be read back.");
        return new PublishedPost(uri, PostUrl(session.Handle ?? session.Did, rkey), cid);
    }

    // A reply names its thread's root and its parent by uri and cid (app.bsky.feed.post#replyRef).
    private static JsonObject StrongRef(PublishedPost post) => new()
    {
        ["uri"] = post.PlatformPostId,
        ["cid"] = post.Ref ?? throw new ProviderException(ProviderErrorKind.Rejected,
            "The earlier part of this thread has no Bluesky content id, so the reply cannot point at it."),
    };

    // Unresolvable handles stay plain text; a PDS that cannot answer now fails the attempt (Transient).
    private static async Task<string?> ResolveHandleAsync(ProviderApi api, BlueskySessionRef session, string handle, CancellationToken ct)
    {
        try
        {
            var json = await api.SendForJsonAsync(session.Authorized(HttpMethod.Get, $"{ResolveHandlePath}?handle={Uri.EscapeDataString(handle)}"), ct);
            return json.TryGetProperty("did", out var did) ? did.GetString() : null;
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.Rejected)
        {
            return null;
        }
    }
}

// The account a publisher call acts for: its PDS, DID (the channel's pid), handle and access JWT.
internal sealed record BlueskySessionRef(string Pds, string Did, string? Handle, string AccessJwt)
{
    public static BlueskySessionRef Of(ChannelContext channel) =>
        string.IsNullOrEmpty(channel.AccessToken)
            ? throw new ProviderException(ProviderErrorKind.Auth, "No Bluesky session is stored for this channel. Reconnect it with an app password.")
            : new(channel.Setting(PdsSetting) ?? DefaultPds, channel.Pid, channel.Username, channel.AccessToken);

    public HttpRequestMessage Authorized(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, Pds + pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessJwt);
        return request;
    }
}
