using MudBlazor.Services;

namespace Sosyabot.Web.Infrastructure;

public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddSosyabotUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        services.AddSingleton<ConnectMessages>();
        services.AddSingleton<ConnectStartTickets>();
        services.AddScoped<Components.Pages.Channels.OAuthStartNavigation>();
        return services;
    }
}
