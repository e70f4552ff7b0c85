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

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        ConnectionString = await _server.CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(ConnectionString)).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSosyabotCore(configuration);
        services.AddSosyabotIdentity();
        ConfigureServices(services);
        _services = services.BuildServiceProvider();
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:Sosyabot"] = connectionString,
        ["Scheduler:Enabled"] = "false",
    };

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        if (_server is not null) await _server.DropDatabaseAsync(ConnectionString);
    }
}
