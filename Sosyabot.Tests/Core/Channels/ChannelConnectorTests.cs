using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

public class ChannelConnectorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static ConnectedAccount Account(string pid, string access = "access-1", string? refresh = "refresh-1", string name = "Ada") =>
        new(pid, name, "ada", null, new TokenSet(access, refresh, DateTimeOffset.UtcNow.AddHours(1)));

    private async Task<Channel> ConnectAsync(TestUser user, ConnectedAccount account, string platform = "reddit")
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelConnector>()
            .ConnectAsync(user.WorkspaceId, user.Id, platform, LoginType.OAuth, account, CancellationToken.None);
    }

    private async Task<ChannelTokens?> ReadTokensAsync(Guid channelId)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Sosyabot.Core.Data.SosyabotDbContext>();
        return await scope.ServiceProvider.GetRequiredService<ChannelSecrets>().ReadAsync(await db.Channels.SingleAsync(c => c.Id == channelId));
    }

    [Fact]
    public async Task The_first_channel_of_a_platform_becomes_its_default_and_the_next_does_not()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);

        var first = await ConnectAsync(user, Account("one"));
        var second = await ConnectAsync(user, Account("two"));
        var otherPlatform = await ConnectAsync(user, Account("one"), "mastodon");

        Assert.True(first.IsDefault);
        Assert.False(second.IsDefault);
        Assert.True(otherPlatform.IsDefault);
    }

    [Fact]
    public async Task Reconnecting_the_same_account_updates_the_channel_in_place()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var first = await ConnectAsync(user, Account("same", access: "old-access", refresh: "old-refresh", name: "Old name"));
        await using (var db = fixture.CreateDbContext())
            await db.Channels.Where(c => c.Id == first.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ChannelStatus.NeedsReconnect).SetProperty(c => c.StatusReason, "revoked"));

        var again = await ConnectAsync(user, Account("same", access: "new-access", refresh: null, name: "New name"));

        Assert.Equal(first.Id, again.Id);
        await using var after = fixture.CreateDbContext();
        var channel = await after.Channels.SingleAsync(c => c.WorkspaceId == user.WorkspaceId && c.Platform == "reddit");
        Assert.Equal("New name", channel.DisplayName);
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Null(channel.StatusReason);
        var tokens = await ReadTokensAsync(channel.Id);
        Assert.Equal("new-access", tokens!.AccessToken);
        // The platform sent no refresh token this time: the stored one survives.
        Assert.Equal("old-refresh", tokens.RefreshToken);
    }

    [Fact]
    public async Task Concurrent_connects_of_one_account_leave_exactly_one_channel()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => ConnectAsync(user, Account("racing", access: $"access-{i}"))));

        await using var db = fixture.CreateDbContext();
        var channel = await db.Channels.SingleAsync(c => c.WorkspaceId == user.WorkspaceId && c.Pid == "racing");
        Assert.True(channel.IsDefault);
    }

    [Fact]
    public async Task The_same_account_in_two_workspaces_is_two_channels()
    {
        var alice = await TestUsers.CreateAsync(fixture.Services);
        var bob = await TestUsers.CreateAsync(fixture.Services);

        var a = await ConnectAsync(alice, Account("shared-account"));
        var b = await ConnectAsync(bob, Account("shared-account"));

        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task Tokens_are_stored_encrypted_and_connecting_records_an_event()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        const string canary = "canary-access-token-7f3a9c";

        var channel = await ConnectAsync(user, Account("enc", access: canary, refresh: canary + "-refresh"));

        await using var db = fixture.CreateDbContext();
        var rowText = await db.Database.SqlQuery<string>($"SELECT row_to_json(c)::text AS \"Value\" FROM channels c WHERE id = {channel.Id}").SingleAsync();
        Assert.DoesNotContain(canary, rowText);
        Assert.Equal(canary, (await ReadTokensAsync(channel.Id))!.AccessToken);
        var evt = await db.WebhookEvents.SingleAsync(e => e.WorkspaceId == user.WorkspaceId && e.Type == WebhookEventTypes.AccountConnected);
        Assert.DoesNotContain(canary, evt.Payload.ToJsonString());
    }

    [Fact]
    public async Task Reconnecting_saves_changed_platform_settings()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        await ConnectAsync(user, Account("settings") with { Settings = new() { ["chat_type"] = "group", ["kept"] = "yes" } });

        var again = await ConnectAsync(user, Account("settings") with { Settings = new() { ["chat_type"] = "supergroup" } });

        await using var db = fixture.CreateDbContext();
        var saved = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == again.Id);
        Assert.Equal("supergroup", saved.Settings["chat_type"]!.GetValue<string>());
        Assert.Equal("yes", saved.Settings["kept"]!.GetValue<string>());
    }
}
