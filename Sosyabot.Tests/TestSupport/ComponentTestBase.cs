using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sosyabot.Core;
using Sosyabot.Core.Users;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Tests.TestSupport;

// Renders the app's real MudBlazor components against real Core services on the class's database.
// Holds the BunitContext rather than inheriting it: MudBlazor's services only dispose asynchronously.
public abstract class ComponentTestBase(DatabaseFixture db) : IAsyncLifetime
{
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    protected DatabaseFixture Db => db;
    protected BunitContext Context { get; } = new();
    protected TestAuthenticationStateProvider Authentication { get; } = new();

    // Menus and selects open into the popover provider, not into the component that owns them.
    protected IRenderedComponent<MudPopoverProvider> Popovers => _popovers ??= Context.Render<MudPopoverProvider>();

    public Task InitializeAsync()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddTestServices(db.ConnectionString, Authentication);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();

    protected void SignIn(AppUser user) => Authentication.SignIn(user.Id, user.Email!);

    // The popover provider is rendered first, as MainLayout does, so the component's popovers have a home.
    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        _ = Popovers;
        return Context.Render(parameters ?? (_ => { }));
    }
}

public static class ComponentTestServices
{
    public static IServiceCollection AddTestServices(this IServiceCollection services, string connectionString, AuthenticationStateProvider authentication)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DatabaseFixture.Settings(connectionString)).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSosyabotCore(configuration);
        services.AddSosyabotIdentity();
        services.AddMudServices();
        services.AddSingleton(authentication);
        services.AddSingleton<ConnectMessages>();
        services.AddSingleton<ConnectStartTickets>();
        services.AddScoped<Sosyabot.Web.Components.Pages.Channels.OAuthStartNavigation>();
        return services;
    }
}
