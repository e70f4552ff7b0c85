using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Providers.Bluesky;

public sealed partial class BlueskyProvider : IHasPublishingRules
{
    public PublishingRules Rules => BlueskyRules.Rules;
}
