using Microsoft.Extensions.DependencyInjection;

namespace Sosyabot.Core.Publishing.Validation;

public static class ValidationServiceCollectionExtensions
{
    public static IServiceCollection AddPublishingValidation(this IServiceCollection services) =>
        services.AddScoped<PublishValidationService>();
}
