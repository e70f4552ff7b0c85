using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web;

// What an operator sees in the console when the app first starts on an empty database.
public class FirstStartLoggingTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _log = new();
    private PostgresServer _server = default!;
    private string _connectionString = "";
    private SosyabotAppFactory _factory = default!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        _connectionString = await _server.CreateEmptyDatabaseAsync();
        _factory = new SosyabotAppFactory(_connectionString);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _server.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task A_first_start_migrates_without_error_lines_or_logged_sql()
    {
        await using var app = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_log)));
        using var client = app.CreateClient();

        // The scheduler starts a moment after the host does; a health probe before that is rightly unhealthy (and logged so).
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await Eventually.TrueAsync(async () => await scheduler.GetStatus() == SchedulerStatus.Running), "the scheduler never started");
        var health = await client.GetAsync("/healthz");
        Assert.True(health.IsSuccessStatusCode, $"/healthz answered {(int)health.StatusCode}");
        // The migrations did run, and their own progress lines were captured.
        Assert.Contains(_log.Entries, e => e.Category == "Microsoft.EntityFrameworkCore.Migrations");
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(_log.Entries, e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Level < LogLevel.Warning);
    }
}
