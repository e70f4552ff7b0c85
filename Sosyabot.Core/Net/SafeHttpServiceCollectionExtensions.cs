using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sosyabot.Core.Net;

public static class SafeHttpServiceCollectionExtensions
{
    // No resilience/retry handler on purpose: a retried POST can publish a post twice.
    public static IServiceCollection AddSafeHttpClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SafeHttpOptions>().Bind(configuration.GetSection(SafeHttpOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SafeHttpOptions>, SafeHttpOptionsValidator>());
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton<SafeHttpPolicy>();
        services.TryAddTransient<SafeRequestHandler>();
        services.TryAddTransient<ResponseSizeLimitHandler>();

        services.AddHttpClient(SafeHttp.ClientName,
                (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SafeHttpOptions>>().Value.Timeout)
            .AddSafeHttpHandlers();
        return services;
    }

    // The guard for any client that talks to user-supplied hosts. Handlers added to the builder
    // before this call run first (e.g. host overrides), so the checks see the final address.
    public static IHttpClientBuilder AddSafeHttpHandlers(this IHttpClientBuilder builder) =>
        builder
            .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(
                sp.GetRequiredService<IOptions<SafeHttpOptions>>().Value,
                new SafeConnector(
                    sp.GetRequiredService<SafeHttpPolicy>(),
                    sp.GetRequiredService<IHostAddressResolver>(),
                    sp.GetRequiredService<ILogger<SafeConnector>>())))
            .AddHttpMessageHandler<SafeRequestHandler>()
            .AddHttpMessageHandler<ResponseSizeLimitHandler>();

    internal static SocketsHttpHandler CreatePrimaryHandler(SafeHttpOptions options, SafeConnector connector) => new()
    {
        // A proxy would get the checked connection and then resolve the target itself.
        UseProxy = false,
        // Each hop would need the scheme check again; callers see the 3xx and decide.
        AllowAutoRedirect = false,
        ConnectTimeout = options.ConnectTimeout,
        ConnectCallback = connector.ConnectAsync,
    };
}
