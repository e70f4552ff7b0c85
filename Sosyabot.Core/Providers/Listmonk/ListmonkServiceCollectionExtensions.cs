using Microsoft.Extensions.DependencyInjection;

namespace Sosyabot.Core.Providers.Listmonk;

public static class ListmonkServiceCollectionExtensions
{
    // Nothing to configure: each channel brings its instance and API user. Instance calls use the shared
    // user-supplied client (ProviderClients.UserSupplied), registered with the framework.
    public static IServiceCollection AddListmonkProvider(this IServiceCollection services)
    {
        services.AddScoped<ISocialProvider, ListmonkProvider>();
        return services;
    }
}
