using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Publishing.Jobs;

namespace Sosyabot.Core.Publishing;

public static class PublishingServiceCollectionExtensions
{
    // Posts, the engine and its Quartz jobs. No IPublishMediaSource here: the media store registers it.
    public static IServiceCollection AddSosyabotPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PublishingOptions.Section);
        services.Configure<PublishingOptions>(section);
        services.AddSingleton(PublishingNode.ForThisProcess());
        services.AddSingleton<PublishingEngine>();
        services.AddScoped<TargetClaims>();
        services.AddScoped<TargetRecorder>();
        services.AddScoped<TargetSweeps>();
        services.AddScoped<TargetPublisher>();
        services.AddScoped<PublishTriggers>();
        services.AddScoped<PostService>();
        services.AddScoped<PostValidation>();
        return services;
    }

    // Called from the one AddQuartz: the post wake-up job (triggers are added per post).
    public static void AddPublishingJobs(this IQuartzBuilder q) =>
        q.AddJob<PublishPostJob>(j => j.WithIdentity(PublishPostJob.Key).StoreDurably());
}
