using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Publishing;

namespace Sosyabot.Core.Media;

public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<IMediaStorage, DiskMediaStorage>();
        services.AddSingleton<MediaLinks>();
        services.AddScoped<MediaService>();
        services.AddScoped<MediaUploadService>();
        services.AddScoped<MediaVariantService>();
        services.AddScoped<MediaCleanupService>();
        services.AddScoped<PublishMediaFactory>();
        services.AddScoped<IPublishMediaSource, StoredPublishMedia>();
        return services;
    }
}
