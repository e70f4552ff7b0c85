using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Reddit;

public static class RedditServiceCollectionExtensions
{
    public static IServiceCollection AddRedditProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RedditOptions>(configuration.GetSection(RedditOptions.Section));
        services.AddProviderHttpClient(ProviderClients.For(RedditDefaults.Key));
        services.AddScoped<ISocialProvider, RedditProvider>();
        return services;
    }
}
