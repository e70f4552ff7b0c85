using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.Mastodon;

// The resolver's fallback once the Idempotency-Key has expired: the account's own statuses since the
// attempt, matched on reply target and text. Read without the token: the account statuses endpoint
// refuses a token lacking read:statuses (authorize_if_got_token!), which this app does not ask for,
// while anonymous readers see public and unlisted statuses. Private and direct ones stay undecided.
// https://docs.joinmastodon.org/methods/accounts/#statuses
public sealed partial class MastodonProvider
{
    private const int TimelinePages = 5;
    // Server clocks differ from ours; a status a little older than the attempt may still be it.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private async Task<PublishedPost?> FindInTimelineAsync(MastodonAccountRef account, PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct)
    {
        var visibility = request.Field(MastodonDefaults.VisibilityField) ?? MastodonDefaults.DefaultVisibility;
        if (visibility is not ("public" or "unlisted"))
            throw new ProviderException(ProviderErrorKind.Unknown,
                $"{MastodonInstance.Authority(account.Instance)} cannot show this app {visibility} posts older than an hour, so whether this one went out is unknown. Check the account.");

        var since = attemptStartedAt - ClockSkew;
        var expected = MastodonStatusText.Normalize(request.Part.Text);
        string? maxId = null;
        for (var page = 0; page < TimelinePages; page++)
        {
            var url = account.Instance + MastodonDefaults.AccountStatusesPath(account.AccountId) + "?limit=40" + (maxId is null ? "" : "&max_id=" + Uri.EscapeDataString(maxId));
            var statuses = (await clients.For(account.Instance).SendForJsonAsync(new HttpRequestMessage(HttpMethod.Get, url), ct))
                .Deserialize<List<MastodonStatus>>(MastodonJson.Options) ?? [];
            foreach (var status in statuses.Where(s => s.CreatedAt >= since))
                if (status.InReplyToId == request.Parent?.PlatformPostId && MastodonStatusText.FromHtml(status.Content) == expected)
                    return new PublishedPost(status.Id!, status.Url ?? status.Uri);
            if (statuses.Count == 0 || statuses[^1].CreatedAt < since) return null;
            maxId = statuses[^1].Id;
        }
        throw new ProviderException(ProviderErrorKind.Unknown,
            $"{MastodonInstance.Authority(account.Instance)} shows too many posts since this one was attempted to tell whether it went out. Check the account.");
    }
}

// Status content is HTML made from the text: paragraphs, <br />, links split into spans, and a mention
// @user@domain of a local account shown as @user. Both sides are reduced to the same plain words.
internal static partial class MastodonStatusText
{
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = LineBreak().Replace(html, "\n");
        text = Paragraph().Replace(text, "\n\n");
        return Normalize(WebUtility.HtmlDecode(Tag().Replace(text, "")));
    }

    public static string Normalize(string text) => Space().Replace(Mention().Replace(text, "@$1"), " ").Trim();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</p>\s*<p>", RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"@([A-Za-z0-9_]+)@[A-Za-z0-9.\-:]+")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
