using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Bluesky;

public static class BlueskyServiceCollectionExtensions
{
    // Nothing to configure: each user brings an app password and, optionally, their own PDS. PDS calls
    // use the shared user-supplied client (ProviderClients.UserSupplied), registered with the framework;
    // video.bsky.app is Bluesky's own fixed host, so it gets the platform's plain client.
    public static IServiceCollection AddBlueskyProvider(this IServiceCollection services)
    {
        services.AddProviderHttpClient(ProviderClients.For(BlueskyDefaults.Key));
        services.AddScoped<ISocialProvider, BlueskyProvider>();
        return services;
    }
}
