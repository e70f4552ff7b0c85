using MudBlazor.Services;

namespace Sosyabot.Web.Infrastructure;

public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddSosyabotUi(this IServiceCollection services)
    {
        // The 32 KB default drops the circuit, without a word, on one large paste; fields carry their own
        // (smaller) limits, so this only has to leave room for them.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 128 * 1024);
        services.AddExceptionHandler<ErrorIdLogger>();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        services.AddSingleton<ConnectMessages>();
        services.AddSingleton<ConnectStartTickets>();
        services.AddScoped<Components.Pages.Channels.OAuthStartNavigation>();
        return services;
    }
}
