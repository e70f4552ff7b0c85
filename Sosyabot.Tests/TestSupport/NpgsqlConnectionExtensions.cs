using Npgsql;

namespace Sosyabot.Tests.TestSupport;

public static class NpgsqlConnectionExtensions
{
    public static async Task<object?> ScalarAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
