using Npgsql;

namespace Sosyabot.Bench.Publishing;

// What the benchmark reads straight from the app's database.
public sealed class Database(string connectionString)
{
    public async Task<Guid> OwnerOfAsync(Guid workspaceId) =>
        (Guid)(await ScalarAsync("SELECT user_id FROM workspace_members WHERE workspace_id = @p", workspaceId))!;

    // Quartz deletes a one-shot trigger once it has fired; only the app runs a started scheduler.
    public async Task<long> StoredTriggersAsync(IEnumerable<Guid> postIds) =>
        (long)(await ScalarAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = ANY(@p)", postIds.Select(id => $"post-{id:N}").ToArray()))!;

    public async Task<string> TargetStatusesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status, count(*) FROM post_targets GROUP BY status ORDER BY status", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync()) parts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        return string.Join(", ", parts);
    }

    private async Task<object?> ScalarAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return await command.ExecuteScalarAsync();
    }
}
