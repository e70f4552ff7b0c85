using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Telegram;

public static class TelegramServiceCollectionExtensions
{
    // Nothing to configure: every channel brings its own bot token. The named client has no request
    // logging (AddProviderHttpClient), which matters here: the token is part of every URL.
    public static IServiceCollection AddTelegramProvider(this IServiceCollection services)
    {
        services.AddProviderHttpClient(ProviderClients.For(TelegramDefaults.Key));
        services.AddScoped<ISocialProvider, TelegramProvider>();
        return services;
    }
}
