using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Core.Data;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Tests.TestSupport;

// A fresh, migrated database for one test class, with the app's Core services wired to it.
public class DatabaseFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private ServiceProvider? _services;

    public string ConnectionString { get; private set; } = "";
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Fixture not initialised.");

    public SosyabotDbContext CreateDbContext() => TestDb.CreateContext(ConnectionString);

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    // One scope per call, as one request or circuit would have, so no call sees another's tracked entities.
    public async Task Run<TService>(Func<TService, Task> call) where TService : notnull
    {
        await using var scope = CreateScope();
        await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TResult> Run<TService, TResult>(Func<TService, Task<TResult>> call) where TService : notnull
    {
        await using var scope = CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<T> Query<T>(Func<SosyabotDbContext, Task<T>> query)
    {
        await using var db = CreateDbContext();
        return await query(db);
    }

    public virtual async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        ConnectionString = await _server.CreateDatabaseAsync();
        _services = BuildServices();
    }

    // The fixture's services; changed: settings that differ (a second "node" configured otherwise).
    public ServiceProvider BuildServices(IReadOnlyDictionary<string, string?>? changed = null)
    {
        var settings = Settings(ConnectionString);
        AddSettings(settings);
        foreach (var (key, value) in changed ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSosyabotCore(configuration);
        services.AddSosyabotIdentity();
        ConfigureServices(services);
        return services.BuildServiceProvider();
    }

    protected virtual void AddSettings(IDictionary<string, string?> settings)
    {
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:Sosyabot"] = connectionString,
        ["Scheduler:Enabled"] = "false",
    };

    public virtual async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        if (_server is not null) await _server.DropDatabaseAsync(ConnectionString);
    }
}
