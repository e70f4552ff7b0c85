using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.X;

// X takes no idempotency key, so an Unknown is settled by reading the account's own posts since the
// attempt started: one with this part's text (and, for a reply, this parent) is the post.
public sealed partial class XProvider : IPublishResolver
{
    // X's clock and ours may disagree by a little; start_time is inclusive, so a wider window only costs reading more.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    private const int MaxPages = 5;

    public async Task<PublishedPost?> FindAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct)
    {
        var token = UserToken(request.Channel);
        var wanted = XPostText.Comparable(request.Part.Text);
        string? page = null;
        for (var i = 0; i < MaxPages; i++)
        {
            using var message = Authorized(new HttpRequestMessage(HttpMethod.Get,
                XDefaults.UserTweetsEndpoint(request.Channel.Pid, attemptStartedAt - ClockSkew, page)), token);
            var timeline = (await Api().SendForJsonAsync(message, ct)).Deserialize<XTimelineResponse>();
            var match = timeline?.Data?.FirstOrDefault(t => t.Id is { Length: > 0 }
                && t.RepliedTo == request.Parent?.PlatformPostId
                && XPostText.Comparable(t.Text ?? "") == wanted);
            if (match is not null) return new PublishedPost(match.Id!, XDefaults.PostUrl(request.Channel.Username, match.Id!));
            if ((page = timeline?.Meta?.NextToken) is null) return null;
        }
        throw new ProviderException(ProviderErrorKind.Transient,
            "The X account has posted too much since this attempt to check whether it went out; Sosyabot will look again later.");
    }
}
