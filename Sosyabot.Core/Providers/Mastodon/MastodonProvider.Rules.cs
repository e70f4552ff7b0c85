using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Providers.Mastodon;

public sealed partial class MastodonProvider : IHasPublishingRules
{
    public PublishingRules Rules => MastodonRules.Rules;
}
