using Npgsql;

namespace Sosyabot.Bench.ChannelsPage;

// Channels written straight into the database, as an agency's workspace would hold them after months of connects.
public static class Seeder
{
    private static readonly string[] Platforms =
        ["x", "bluesky", "telegram", "listmonk", "threads", "pinterest", "youtube", "reddit", "linkedin", "slack", "mastodon", "instagram", "facebook", "tiktok", "snapchat"];

    public static async Task SeedAsync(string connectionString, Guid workspaceId, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO channels (id, workspace_id, platform, pid, display_name, username, avatar_url, status, status_reason, login_type,
                                  token_expires_at, token_version, is_default, enabled_for_repost, can_be_source, settings, connected_at)
            SELECT gen_random_uuid(), @workspace, (@platforms)[1 + n % cardinality(@platforms)], 'pid-' || n, 'Client account ' || n, 'client_' || n,
                   CASE WHEN n % 2 = 0 THEN 'https://avatars.example/' || n || '.png' END,
                   CASE WHEN n % 10 = 0 THEN 'NeedsReconnect' ELSE 'Active' END,
                   CASE WHEN n % 10 = 0 THEN 'The platform no longer accepts this authorization.' END,
                   1, now() + interval '1 hour', 0, false, n % 3 = 0, n % 2 = 0, '{}'::jsonb, now() - n * interval '1 minute'
            FROM generate_series(1, @count) AS n
            """, connection);
        command.Parameters.AddWithValue("workspace", workspaceId);
        command.Parameters.AddWithValue("platforms", Platforms);
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
    }
}
