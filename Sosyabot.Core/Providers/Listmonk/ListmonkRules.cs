using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using static Sosyabot.Core.Providers.Publishing.Rules.ContentTypes;

namespace Sosyabot.Core.Providers.Listmonk;

// POST /api/campaigns: subject is required (listmonk checks 1-5,000 characters, cmd/campaigns.go
// validateCampaignFields); the body has no limit. Images go to the media library and are placed
// in the body; video is not a campaign attachment. No threads. The body is always sent as html
// (ListmonkHtml makes it from the post's text), so there is no format field to choose.
public static class ListmonkRules
{
    public static readonly PublishingRules Rules = new(
        ListmonkDefaults.Key,
        new TextRule(TextCounter.CodePoints, Limit: null),
        new MediaRules(
            [new MediaKindRule(MediaKind.Image, 20, 20 * 1024 * 1024, [Jpeg, Png, Gif, WebP]), new MediaKindRule(MediaKind.Gif, 20, 20 * 1024 * 1024, [Gif])],
            MaxItems: 20, MixKinds: true, AltTextLimit: 1000),
        Threads: false,
        Fields:
        [
            new PlatformFieldRule(ListmonkDefaults.SubjectField, "Subject", Required: true) { MaxLength = 5000 },
        ]);
}
