using System.Text.Json;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Reddit;

public sealed partial class RedditProvider
{
    // Whether this account can post in the subreddit, and what kinds it takes. A missing or banned
    // subreddit answers 404 and a private or quarantined one 403 ({"reason": "private"}); a name that
    // was never taken may come back as an empty search listing instead of a t5.
    public async Task<SubredditCheck> CheckSubredditAsync(ChannelContext channel, string name, CancellationToken ct)
    {
        if (RedditRules.SubredditName(name) is not { } subreddit)
            return new SubredditCheck(name, false, false, null, null, $"“{name}” is not a subreddit name: use {RedditRules.SubredditHint}.");
        using var request = AuthorizedRequest(HttpMethod.Get, RedditDefaults.AboutEndpoint(subreddit), channel);
        RedditSubredditAbout? about;
        try
        {
            about = (await Api(RedditErrorInspector.Api).SendForJsonAsync(request, ct)).Deserialize<RedditThing<RedditSubredditAbout>>()?.Data;
        }
        catch (ProviderException e) when (e is { Kind: ProviderErrorKind.Rejected, StatusCode: 404 })
        {
            about = null;
        }
        catch (ProviderException e) when (e is { Kind: ProviderErrorKind.Rejected, StatusCode: 403 })
        {
            return new SubredditCheck(subreddit, true, false, "private", null, $"r/{subreddit} is private or quarantined: this account cannot post there.");
        }

        if (about is not { DisplayName.Length: > 0 })
            return new SubredditCheck(subreddit, false, false, null, null, $"r/{subreddit} does not exist, or Reddit has banned it.");
        var display = about.DisplayName;
        if (about.UserIsBanned == true)
            return new SubredditCheck(display, true, false, about.SubredditType, about.SubmissionType, $"This account is banned from r/{display}.");
        if (about.SubredditType is "restricted" or "private" or "employees_only" && about.UserIsContributor != true)
            return new SubredditCheck(display, true, false, about.SubredditType, about.SubmissionType, $"r/{display} only lets approved users post, and this account is not one of them.");
        return new SubredditCheck(display, true, true, about.SubredditType, about.SubmissionType, about.SubmissionType switch
        {
            "self" => $"r/{display} takes text posts only.",
            "link" => $"r/{display} takes link and image posts, no text posts.",
            _ => $"r/{display} takes text, link and image posts.",
        });
    }
}
