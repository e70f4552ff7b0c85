using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
