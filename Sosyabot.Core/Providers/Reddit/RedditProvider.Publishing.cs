using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.Reddit;

// Text, link and image posts through /api/submit. One call is one submit: never retried here, since
// a lost answer may hide a live post (the resolver settles that from the account's submissions).
public sealed partial class RedditProvider : IPublisher, IPublishStatusChecker
{
    private static readonly TimeSpan ImageCheckInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ImageProcessingLimit = TimeSpan.FromMinutes(15);

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        var post = RedditPost.From(request);
        var startedAt = clock.GetUtcNow();
        var url = post.Image is { } image ? await UploadImageAsync(request.Channel, image, ct) : post.Url;

        using var submit = AuthorizedRequest(HttpMethod.Post, RedditDefaults.SubmitEndpoint, request.Channel);
        submit.Content = new FormUrlEncodedContent(SubmitForm(post, url));
        var data = (await Api(RedditErrorInspector.Api).SendForJsonAsync(submit, ct)).Deserialize<RedditSubmitAnswer>()?.Json?.Data;
        if (data is { Name.Length: > 0 }) return new PublishedPost(data.Name, data.Url);
        // Image posts are finished by Reddit's media pipeline and announced only on a websocket; the
        // post shows up in the account's submissions once it is done, which is where the check looks.
        if (data is { WebsocketUrl.Length: > 0 }) return new PendingPublish(SinceHandle.Format(startedAt), ImageCheckInterval);
        throw new ProviderException(ProviderErrorKind.Unknown, "Reddit accepted the post but its answer does not name it; Sosyabot will look for it on the account.");
    }

    public async Task<PublishResult> CheckAsync(PublishRequest request, PendingPublish pending, CancellationToken ct)
    {
        var startedAt = SinceHandle.Parse(pending.StatusHandle);
        if (await FindSubmittedAsync(request.Channel, RedditPost.From(request), startedAt, ct) is { } found) return found;
        if (clock.GetUtcNow() - startedAt > ImageProcessingLimit)
            throw new ProviderException(ProviderErrorKind.Unknown,
                $"Reddit accepted the image post but it has not appeared on the account after {ImageProcessingLimit.TotalMinutes:0} minutes. Check r/{request.Field(RedditDefaults.SubredditField)} before posting again.");
        return pending with { CheckAfter = ImageCheckInterval };
    }

    private static IEnumerable<KeyValuePair<string, string>> SubmitForm(RedditPost post, string? url)
    {
        yield return new("api_type", "json");
        yield return new("sr", post.Subreddit);
        yield return new("kind", post.Kind);
        yield return new("title", post.Title);
        if (post.Kind == RedditPost.SelfKind) yield return new("text", post.Text);
        else yield return new("url", url!);
        if (post.FlairId is { } flair) yield return new("flair_id", flair);
        // A link already posted in the subreddit is refused (ALREADY_SUB) unless resubmit is set.
        yield return new("resubmit", "true");
    }
}
