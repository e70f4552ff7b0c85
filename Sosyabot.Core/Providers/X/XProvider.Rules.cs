using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Providers.X;

public sealed partial class XProvider : IHasPublishingRules
{
    public PublishingRules Rules => XRules.Rules;
}
