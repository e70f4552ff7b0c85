using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Net;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Core.Providers.X;

namespace Sosyabot.Core.Providers;

public static class ProvidersServiceCollectionExtensions
{
    public static IServiceCollection AddSosyabotProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.Configure<ProviderHttpOptions>(configuration.GetSection(ProviderHttpOptions.Section));
        services.AddSingleton<HostOverrides>();
        services.AddTransient<HostOverrideHandler>();
        services.AddScoped<ProviderRegistry>();
        services.AddSingleton<ProviderApiFactory>();
        services.AddProviderHttpClient(ProviderClients.UserSupplied).AddSafeHttpHandlers();

        // One line per implemented platform; each folder registers everything about its platform.
        services.AddMastodonProvider(configuration);
        services.AddBlueskyProvider();
        services.AddTelegramProvider();
        services.AddListmonkProvider();
        services.AddXProvider(configuration);
        services.AddRedditProvider(configuration);
        return services;
    }
}
