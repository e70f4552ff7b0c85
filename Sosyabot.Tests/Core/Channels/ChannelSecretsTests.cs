using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

public class ChannelSecretsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Stored_tokens_read_back_after_a_round_trip_through_the_database()
    {
        var channel = await SavedChannelWithTokensAsync("access-1", "refresh-1");

        var tokens = await ReadAsync(channel.Id);

        Assert.Equal(new ChannelTokens("access-1", "refresh-1"), tokens);
    }

    [Fact]
    public async Task A_ciphertext_copied_to_another_channel_marks_that_channel_for_reconnect()
    {
        var a = await SavedChannelWithTokensAsync("access-of-a", "refresh-of-a");
        var b = await SavedChannelWithTokensAsync("access-of-b", "refresh-of-b");
        await db.Query(c => c.Channels.Where(ch => ch.Id == b.Id).ExecuteUpdateAsync(s => s
            .SetProperty(ch => ch.AccessTokenCipher, a.AccessTokenCipher)
            .SetProperty(ch => ch.RefreshTokenCipher, a.RefreshTokenCipher)));

        var stolen = await ReadAsync(b.Id);

        Assert.Null(stolen);
        var stored = await LoadAsync(b.Id);
        Assert.Equal(ChannelStatus.NeedsReconnect, stored.Status);
        Assert.Equal(ChannelSecrets.UndecryptableReason, stored.StatusReason);
        Assert.Equal(new ChannelTokens("access-of-a", "refresh-of-a"), await ReadAsync(a.Id));
        Assert.Equal(ChannelStatus.Active, (await LoadAsync(a.Id)).Status);
    }

    [Fact]
    public async Task Only_the_copied_refresh_token_is_enough_to_refuse_the_channel()
    {
        var a = await SavedChannelWithTokensAsync("access-of-a", "refresh-of-a");
        var b = await SavedChannelWithTokensAsync("access-of-b", "refresh-of-b");
        await db.Query(c => c.Channels.Where(ch => ch.Id == b.Id).ExecuteUpdateAsync(s => s
            .SetProperty(ch => ch.RefreshTokenCipher, a.RefreshTokenCipher)));

        Assert.Null(await ReadAsync(b.Id));
        Assert.Equal(ChannelStatus.NeedsReconnect, (await LoadAsync(b.Id)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_refresh_token_never_overwrites_the_stored_one(string? newRefresh)
    {
        var channel = await SavedChannelWithTokensAsync("access-1", "refresh-1");

        await db.Run<ChannelSecrets>(async secrets =>
        {
            var loaded = await LoadAsync(channel.Id);
            secrets.SetTokens(loaded, "access-2", newRefresh);
            await SaveAsync(loaded);
        });

        Assert.Equal(new ChannelTokens("access-2", "refresh-1"), await ReadAsync(channel.Id));
    }

    [Fact]
    public async Task A_new_refresh_token_replaces_the_stored_one_and_bumps_the_version()
    {
        var channel = await SavedChannelWithTokensAsync("access-1", "refresh-1");

        await db.Run<ChannelSecrets>(async secrets =>
        {
            var loaded = await LoadAsync(channel.Id);
            secrets.SetTokens(loaded, "access-2", "refresh-2");
            await SaveAsync(loaded);
        });

        Assert.Equal(new ChannelTokens("access-2", "refresh-2"), await ReadAsync(channel.Id));
        Assert.Equal(channel.TokenVersion + 1, (await LoadAsync(channel.Id)).TokenVersion);
    }

    [Fact]
    public async Task A_canary_token_appears_nowhere_in_a_dump_of_the_database()
    {
        var canaryAccess = $"CANARY-ACCESS-{Guid.NewGuid():N}";
        var canaryRefresh = $"CANARY-REFRESH-{Guid.NewGuid():N}";
        await SavedChannelWithTokensAsync(canaryAccess, canaryRefresh);

        var dump = await DumpAllTablesAsTextAsync();

        Assert.Contains("Test channel", dump);
        Assert.DoesNotContain(canaryAccess, dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(canaryRefresh, dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CANARY-", dump, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Channel> SavedChannelWithTokensAsync(string access, string refresh)
    {
        var (workspaceId, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var channel = TestData.NewChannel(workspaceId);
        await db.Run<ChannelSecrets>(secrets =>
        {
            secrets.SetTokens(channel, access, refresh);
            return SaveAsync(channel, isNew: true);
        });
        return channel;
    }

    private async Task SaveAsync(Channel channel, bool isNew = false)
    {
        await using var context = db.CreateDbContext();
        if (isNew) context.Channels.Add(channel);
        else context.Channels.Update(channel);
        await context.SaveChangesAsync();
    }

    private Task<Channel> LoadAsync(Guid channelId) =>
        db.Query(c => c.Channels.AsNoTracking().SingleAsync(ch => ch.Id == channelId));

    private async Task<ChannelTokens?> ReadAsync(Guid channelId)
    {
        var channel = await LoadAsync(channelId);
        return await db.Run<ChannelSecrets, ChannelTokens?>(secrets => secrets.ReadAsync(channel));
    }

    // What `pg_dump --data-only` would show: every row of every table, all columns as text.
    private async Task<string> DumpAllTablesAsTextAsync()
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        Assert.Contains("public.channels", tables);
        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync()) dump.AppendLine(rows.GetString(0));
        }
        return dump.ToString();
    }
}
