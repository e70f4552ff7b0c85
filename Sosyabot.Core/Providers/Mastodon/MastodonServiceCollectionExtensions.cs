using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sosyabot.Core.Providers.Mastodon;

public static class MastodonServiceCollectionExtensions
{
    // No named client of its own: every server is user-supplied, so calls use ProviderClients.UserSupplied.
    public static IServiceCollection AddMastodonProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MastodonOptions>(configuration.GetSection(MastodonOptions.Section));
        services.AddSingleton<MastodonClients>();
        services.AddMemoryCache();
        services.AddSingleton<MastodonServerLimits>();
        services.AddScoped<MastodonAppRegistry>();
        services.AddScoped<ISocialProvider, MastodonProvider>();
        return services;
    }
}
