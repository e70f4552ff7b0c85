using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Sosyabot.Core.Providers.Http;

public static class ProviderClients
{
    // For user-supplied servers (Mastodon instance, Bluesky PDS, Listmonk): goes through the SSRF guard.
    public const string UserSupplied = "providers:user-supplied";

    public static string For(string platform) => $"providers:{platform}";

    // No retry handler and no request logging: retries are decided by the publishing state machine,
    // and logged URLs can carry tokens (Telegram puts the bot token in the path).
    public static IHttpClientBuilder AddProviderHttpClient(this IServiceCollection services, string name) =>
        // ProviderApi gives each call its own deadline, so the client's own would only cut uploads short.
        services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<HostOverrideHandler>()
            .RemoveAllLoggers();
}
