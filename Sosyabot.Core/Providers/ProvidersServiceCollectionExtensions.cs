using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Core.Providers.X;
using Sosyabot.Core.Webhooks;

namespace Sosyabot.Core.Providers;

public static class ProvidersServiceCollectionExtensions
{
    public static IServiceCollection AddSosyabotProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.AddSingleton<HostOverrides>();
        services.AddTransient<HostOverrideHandler>();
        services.AddScoped<ProviderRegistry>();
        services.AddProviderHttpClient(ProviderClients.UserSupplied);

        services.AddScoped<WebhookOutbox>();
        services.AddScoped<ChannelConnector>();
        services.AddScoped<ChannelService>();
        services.AddScoped<ChannelRefreshService>();
        services.AddScoped<ChannelDisconnectService>();
        services.AddScoped<OAuthFlowService>();
        services.AddScoped<CredentialConnectService>();

        // One line per implemented platform; each folder registers everything about its platform.
        services.AddXProvider(configuration);
        services.AddRedditProvider(configuration);
        return services;
    }
}
