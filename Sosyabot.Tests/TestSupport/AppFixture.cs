using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Sosyabot.Tests.TestSupport;

// The real app on a fresh database, shared by the tests of one class.
public class AppFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public string ConnectionString { get; private set; } = "";
    public SosyabotAppFactory Factory { get; private set; } = default!;

    public virtual HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    // The hosted service starts Quartz once the app has started, a moment after the host is up.
    public async Task<IScheduler> RunningSchedulerAsync()
    {
        var scheduler = await Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        if (!await Eventually.TrueAsync(async () => await scheduler.GetStatus() == SchedulerStatus.Running))
            throw new TimeoutException($"The scheduler is {await scheduler.GetStatus()}, not running.");
        return scheduler;
    }

    public virtual async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        ConnectionString = await _server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(Settings());
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        Factory = new SosyabotAppFactory(ConnectionString, settings);
    }

    // Set by a fixture that wraps this one before it starts (a browser fixture adds the real base URL).
    public Dictionary<string, string?> ExtraSettings { get; } = [];

    protected virtual IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_server is not null) await _server.DropDatabaseAsync(ConnectionString);
    }
}
