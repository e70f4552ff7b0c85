using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Publishing.Validation;

namespace Sosyabot.Core.Providers.X;

// Publishing through API v2 with the OAuth 2.0 user token: media first (XProvider.Media.cs), then one
// POST /2/tweets, a reply to the previous part for a thread. A video still processing makes the
// publish Pending; the status check posts the tweet once X has finished.
public sealed partial class XProvider : IPublisher, IPublishStatusChecker
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        var token = UserToken(request.Channel);
        request.EnsureValid(Rules);
        var uploads = new List<XMediaUpload>(request.Part.Media.Count);
        foreach (var media in request.Part.Media) uploads.Add(await UploadAsync(token, media, ct));
        return await ContinueAsync(request, token, uploads, ct);
    }

    public async Task<PublishResult> CheckAsync(PublishRequest request, PendingPublish pending, CancellationToken ct)
    {
        var token = UserToken(request.Channel);
        var ids = XMediaHandle.Parse(pending.StatusHandle);
        if (ids.Count != request.Part.Media.Count)
            throw new ProviderException(ProviderErrorKind.Rejected, "The media of this post changed while X was processing it. Publish it again.");
        var uploads = new List<XMediaUpload>(ids.Count);
        foreach (var id in ids) uploads.Add(await MediaStatusAsync(token, id, ct));
        return await ContinueAsync(request, token, uploads, ct);
    }

    // Failed processing refuses the post with X's reason; unfinished processing waits as long as X
    // asks; ready media get their alt text, then the tweet is created.
    private async Task<PublishResult> ContinueAsync(PublishRequest request, string token, IReadOnlyList<XMediaUpload> uploads, CancellationToken ct)
    {
        for (var i = 0; i < uploads.Count; i++)
            if (uploads[i].ProcessingInfo is { State: "failed", Error: var error })
                throw new ProviderException(ProviderErrorKind.Rejected,
                    $"X could not process {request.Part.Media[i].FileName}: {(error?.Message ?? error?.Name ?? "it gave no reason").TrimEnd('.')}.");
        var ids = uploads.Select(u => u.Id!).ToList();
        var waiting = uploads.Where(u => u.ProcessingInfo is { State: "pending" or "in_progress" }).ToList();
        if (waiting.Count > 0)
            return new PendingPublish(XMediaHandle.Format(ids), TimeSpan.FromSeconds(Math.Max(1, waiting.Max(u => u.ProcessingInfo!.CheckAfterSecs ?? 5))));

        for (var i = 0; i < ids.Count; i++)
            if (request.Part.Media[i].AltText is { Length: > 0 } alt) await DescribeAsync(token, ids[i], alt, ct);
        return await CreateTweetAsync(request, token, ids, ct);
    }

    private async Task<PublishedPost> CreateTweetAsync(PublishRequest request, string token, IReadOnlyList<string> mediaIds, CancellationToken ct)
    {
        var body = new XCreateTweetRequest(
            string.IsNullOrEmpty(request.Part.Text) ? null : request.Part.Text,
            request.Parent is { } parent ? new XReply(parent.PlatformPostId) : null,
            mediaIds.Count > 0 ? new XTweetMedia(mediaIds) : null);
        using var message = Authorized(new HttpRequestMessage(HttpMethod.Post, XDefaults.TweetsEndpoint) { Content = JsonContent.Create(body) }, token);
        var created = (await Api().SendForJsonAsync(message, ct)).Deserialize<XCreateTweetResponse>()?.Data;
        // The tweet exists but we cannot name it: only the resolver can find out which one it is.
        if (created?.Id is not { Length: > 0 } id)
            throw new ProviderException(ProviderErrorKind.Unknown, "X accepted the post but did not say which post it created.");
        return new PublishedPost(id, XDefaults.PostUrl(request.Channel.Username, id));
    }

    // Browser-session channels act through x.com's private web API, which is not built for posting yet.
    private static string UserToken(ChannelContext channel)
    {
        if (channel.LoginType == LoginType.Credentials)
            throw new ProviderException(ProviderErrorKind.Rejected,
                "Posting with a browser session is not supported yet; reconnect X with Sign in with X.");
        return channel.AccessToken is { Length: > 0 } token
            ? token
            : throw new ProviderException(ProviderErrorKind.Auth, "No X access token is stored for this channel. Reconnect it.");
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
