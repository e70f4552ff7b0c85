namespace Sosyabot.Core.Providers.Publishing.Rules;

// A capability like ITokenRefresher: a provider that publishes exposes its platform's rules here,
// found with ProviderRegistry.Find<IHasPublishingRules>(platform). The rules themselves are static
// data in the platform's folder (<P>Rules.Rules), so code without a registry can read them too.
public interface IHasPublishingRules
{
    PublishingRules Rules { get; }
}
