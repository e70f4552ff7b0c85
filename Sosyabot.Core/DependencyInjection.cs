using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Admin;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;
using Sosyabot.Core.Media;
using Sosyabot.Core.Net;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Publishing;
using Sosyabot.Core.Publishing.Validation;
using Sosyabot.Core.Scheduling;
using Sosyabot.Core.Secrets;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core;

public static class DependencyInjection
{
    public static IServiceCollection AddSosyabotCore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set. Start the app with ./sosyabot run, " +
                $"or set ConnectionStrings__{DatabaseOptions.ConnectionStringName} to a PostgreSQL connection string.");

        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<SosyabotDbContext>(o => o
            .UseNpgsql(connectionString, n => n.MigrationsAssembly(DatabaseOptions.MigrationsAssembly))
            .UseSnakeCaseNamingConvention());
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        services.AddSosyabotDataProtection(configuration);
        services.AddSosyabotScheduler(configuration, connectionString);
        services.AddSafeHttpClient(configuration);
        services.AddSosyabotProviders(configuration);
        services.AddSosyabotChannels();
        services.AddSosyabotPublishing(configuration);
        services.AddPublishingValidation();
        services.AddMedia(configuration);

        services.AddScoped<WorkspaceAccess>();
        services.AddScoped<WorkspaceService>();
        services.AddScoped<MemberService>();
        services.AddScoped<AdminWorkspaceService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<RegistrationPolicy>();
        services.Configure<RegistrationOptions>(configuration.GetSection(RegistrationOptions.Section));
        services.AddScoped<InvitationService>();
        return services;
    }

    private static void AddSosyabotDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() ?? new();
        var builder = services.AddDataProtection()
            // Fixed so every instance (and every deployment path) shares one key ring.
            .SetApplicationName("Sosyabot")
            .PersistKeysToDbContext<SosyabotDbContext>();
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
            builder.ProtectKeysWithCertificate(KeyEncryptionCertificate.LoadOrCreate(settings.CertificatePath, settings.CertificatePassword));
        services.AddSingleton<SecretProtector>();
    }
}
