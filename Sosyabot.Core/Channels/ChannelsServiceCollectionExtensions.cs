using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Webhooks;

namespace Sosyabot.Core.Channels;

public static class ChannelsServiceCollectionExtensions
{
    // Connecting, listing, refreshing and disconnecting channels, on top of the providers.
    public static IServiceCollection AddSosyabotChannels(this IServiceCollection services)
    {
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<ChannelSecrets>();
        services.AddScoped<ChannelConnector>();
        services.AddScoped<ChannelService>();
        services.AddScoped<ChannelRefreshService>();
        services.AddScoped<ChannelDisconnectService>();
        services.AddScoped<OAuthFlowService>();
        services.AddScoped<CredentialConnectService>();
        return services;
    }
}
