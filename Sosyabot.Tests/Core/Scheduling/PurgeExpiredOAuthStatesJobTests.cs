using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Scheduling.Jobs;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Scheduling;

// Runs the real app, whose Quartz scheduler is clustered on the test database.
public class PurgeExpiredOAuthStatesJobTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_scheduler_runs_the_purge_job_against_postgresql()
    {
        var scheduler = await app.RunningSchedulerAsync();
        var now = DateTimeOffset.UtcNow;
        var expired = NewState(now.AddMinutes(-30), expiresAt: now.AddMinutes(-20));
        var expiredFailure = NewState(now.AddMinutes(-25), expiresAt: now.AddMinutes(-15), consumedAt: now.AddMinutes(-24));
        // A failed flow's row stays until it expires: it carries the error the connections page shows.
        var recentFailure = NewState(now.AddMinutes(-2), expiresAt: now.AddMinutes(8), consumedAt: now.AddMinutes(-1));
        var live = NewState(now, expiresAt: now.AddMinutes(10));
        await using (var db = TestDb.CreateContext(app.ConnectionString))
        {
            db.OAuthStates.AddRange(expired, expiredFailure, recentFailure, live);
            await db.SaveChangesAsync();
        }

        await scheduler.TriggerJob(PurgeExpiredOAuthStatesJob.Key);

        Assert.True(await Eventually.TrueAsync(async () => await RemainingStateIdsAsync() is { Count: 2 }),
            "The purge job did not remove the expired states in time.");
        Assert.Equal(new[] { recentFailure.Id, live.Id }.Order(), (await RemainingStateIdsAsync()).Order());
    }

    [Fact]
    public async Task The_job_store_is_clustered_in_the_app_database()
    {
        await app.RunningSchedulerAsync();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'qrtz\\_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Superset(
            new HashSet<string> { "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks" },
            tables.ToHashSet());
        await using var nodes = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state", connection);
        Assert.True(await Eventually.TrueAsync(async () => (long)(await nodes.ExecuteScalarAsync())! >= 1),
            "No scheduler node has checked in to qrtz_scheduler_state.");
        await using var jobs = new NpgsqlCommand("SELECT count(*) FROM qrtz_job_details WHERE job_name = @name", connection);
        jobs.Parameters.AddWithValue("name", PurgeExpiredOAuthStatesJob.Key.Name);
        Assert.Equal(1L, await jobs.ExecuteScalarAsync());
    }

    private async Task<List<Guid>> RemainingStateIdsAsync()
    {
        await using var db = TestDb.CreateContext(app.ConnectionString);
        return await db.OAuthStates.Select(s => s.Id).ToListAsync();
    }

    private static OAuthState NewState(DateTimeOffset createdAt, DateTimeOffset expiresAt, DateTimeOffset? consumedAt = null) => new()
    {
        StateHash = Guid.NewGuid().ToString("N"),
        BrowserBindingHash = Guid.NewGuid().ToString("N"),
        UserId = Guid.NewGuid(),
        WorkspaceId = Guid.NewGuid(),
        Platform = "mastodon",
        RedirectUri = "http://127.0.0.1/connect/mastodon/callback",
        CreatedAt = createdAt,
        ExpiresAt = expiresAt,
        ConsumedAt = consumedAt,
    };
}
