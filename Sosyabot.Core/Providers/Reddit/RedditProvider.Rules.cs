using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Providers.Reddit;

public sealed partial class RedditProvider : IHasPublishingRules
{
    public PublishingRules Rules => RedditRules.Rules;
}
