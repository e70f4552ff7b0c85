using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Providers.Telegram;

public sealed partial class TelegramProvider : IHasPublishingRules
{
    public PublishingRules Rules => TelegramRules.Rules;
}
