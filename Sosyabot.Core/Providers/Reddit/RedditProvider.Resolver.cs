using System.Globalization;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.Reddit;

// Reddit has no idempotency key: an attempt whose answer was lost is found again among the account's
// newest submissions (same subreddit, same title, created after the attempt started).
public sealed partial class RedditProvider : IPublishResolver
{
    // Reddit's clock against ours, and created_utc dropping fractions.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public Task<PublishedPost?> FindAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct) =>
        FindSubmittedAsync(request.Channel, RedditPost.From(request), attemptStartedAt, ct);

    private async Task<PublishedPost?> FindSubmittedAsync(ChannelContext channel, RedditPost post, DateTimeOffset attemptStartedAt, CancellationToken ct)
    {
        if (channel.Username is not { Length: > 0 } username)
            throw new ProviderException(ProviderErrorKind.Auth, "This Reddit channel has no account name stored. Reconnect it.");
        using var request = AuthorizedRequest(HttpMethod.Get, RedditDefaults.SubmittedEndpoint(username), channel);
        var listing = (await Api(RedditErrorInspector.Api).SendForJsonAsync(request, ct)).Deserialize<RedditThing<RedditListing>>()?.Data;
        var submissions = (listing?.Children ?? []).Select(c => c.Data).OfType<RedditSubmission>().ToList();
        var since = (attemptStartedAt - ClockSkew).ToUnixTimeSeconds();

        var match = submissions.FirstOrDefault(s => s.CreatedUtc >= since
            && string.Equals(s.Subreddit, post.Subreddit, StringComparison.OrdinalIgnoreCase)
            && s.Title == post.Title && s.Name is { Length: > 0 });
        if (match is not null) return new PublishedPost(match.Name!, match.Permalink is { } link ? RedditDefaults.WebBase + link : null);
        // A full page that is all newer than the attempt may push the post onto the next page: not proof.
        if (submissions.Count >= RedditDefaults.SubmittedPageSize && submissions.All(s => s.CreatedUtc >= since))
            throw new ProviderException(ProviderErrorKind.Transient, "The Reddit account posted too much since this attempt to tell whether it went out; Sosyabot will look again.");
        return null;
    }

    // What a pending image post's check needs: when its submit started.
    private static class SinceHandle
    {
        private const string Prefix = "submitted-since:";

        public static string Format(DateTimeOffset startedAt) => Prefix + startedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        public static DateTimeOffset Parse(string handle) =>
            handle.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(handle[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : throw new ArgumentException($"Not a Reddit status handle: {handle}", nameof(handle));
    }
}
