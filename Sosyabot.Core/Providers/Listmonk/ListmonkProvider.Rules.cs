using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Providers.Listmonk;

public sealed partial class ListmonkProvider : IHasPublishingRules
{
    public PublishingRules Rules => ListmonkRules.Rules;
}
