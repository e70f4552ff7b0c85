namespace Sosyabot.Core.Providers;

// The platforms this build can connect, found through DI; the full list of platforms is PlatformCatalog.
public sealed class ProviderRegistry(IEnumerable<ISocialProvider> providers)
{
    private readonly Dictionary<string, ISocialProvider> _byKey = providers.ToDictionary(p => p.Info.Key);

    public ISocialProvider? Find(string platform) => _byKey.GetValueOrDefault(platform);

    public T? Find<T>(string platform) where T : class => Find(platform) as T;

    public IEnumerable<ISocialProvider> All => _byKey.Values;
}
