using Microsoft.Extensions.DependencyInjection;

namespace Sosyabot.Core.Providers.Bluesky;

public static class BlueskyServiceCollectionExtensions
{
    // Nothing to configure: each user brings an app password and, optionally, their own PDS. PDS calls
    // use the shared user-supplied client (ProviderClients.UserSupplied), registered with the framework.
    public static IServiceCollection AddBlueskyProvider(this IServiceCollection services)
    {
        services.AddScoped<ISocialProvider, BlueskyProvider>();
        return services;
    }
}
