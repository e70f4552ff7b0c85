using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Sosyabot.Core.Providers.Http;

public static class ProviderClients
{
    // For user-supplied servers (Mastodon instance, Bluesky PDS, Listmonk): goes through the SSRF guard.
    public const string UserSupplied = "providers:user-supplied";

    public static string For(string platform) => $"providers:{platform}";

    // No retry handler and no request logging: retries are decided by the publishing state machine,
    // and logged URLs can carry tokens (Telegram puts the bot token in the path).
    public static IHttpClientBuilder AddProviderHttpClient(this IServiceCollection services, string name) =>
        services.AddHttpClient(name, (sp, c) => c.Timeout = sp.GetRequiredService<IOptions<ProviderHttpOptions>>().Value.Timeout)
            .AddHttpMessageHandler<HostOverrideHandler>()
            .RemoveAllLoggers();
}
