using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.X;

public static class XServiceCollectionExtensions
{
    public static IServiceCollection AddXProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<XOptions>(configuration.GetSection(XOptions.Section));
        services.AddProviderHttpClient(ProviderClients.For(XDefaults.Key));
        services.AddScoped<ISocialProvider, XProvider>();
        return services;
    }
}
