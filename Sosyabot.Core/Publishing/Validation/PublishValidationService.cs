using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Publishing.Validation;

// PublishValidator plus what needs a lookup: the platform's rules from its provider, and a
// Mastodon server's own text limit. Used when a post is saved or scheduled, and right before sending.
public sealed class PublishValidationService(ProviderRegistry providers, MastodonServerLimits mastodon)
{
    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(ContentToValidate content, CancellationToken ct)
    {
        if (providers.Find<IHasPublishingRules>(content.Platform) is not { } provider)
        {
            var name = PlatformCatalog.Find(content.Platform)?.DisplayName ?? content.Platform;
            return [new ValidationProblem(content.ChannelId, content.Platform, null, ValidationFields.Platform,
                $"{name}: publishing to this platform is not available yet; remove this channel from the post.")];
        }
        int? limit = content.Platform == MastodonDefaults.Key && content.Instance is { } instance
            ? await mastodon.MaxCharactersAsync(instance, ct)
            : null;
        return PublishValidator.Validate(content, provider.Rules, limit);
    }
}
