using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

public class ChannelRefreshServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private async Task<Channel> ConnectRedditAsync(TestUser user, string pid)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelConnector>().ConnectAsync(user.WorkspaceId, user.Id, "reddit", LoginType.OAuth,
            new ConnectedAccount(pid, pid, pid, null, new TokenSet($"access-{pid}", $"refresh-{pid}", DateTimeOffset.UtcNow.AddHours(1))), CancellationToken.None);
    }

    [Fact]
    public async Task A_channel_whose_tokens_cannot_be_read_stays_marked_for_reconnect_and_says_so()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var other = await ConnectRedditAsync(user, "other");
        var broken = await ConnectRedditAsync(user, "broken");
        await using (var db = fixture.CreateDbContext())
            await db.Channels.Where(c => c.Id == broken.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AccessTokenCipher, other.AccessTokenCipher)
                .SetProperty(c => c.RefreshTokenCipher, other.RefreshTokenCipher));

        RefreshOutcome outcome;
        await using (var scope = fixture.CreateScope())
            outcome = await scope.ServiceProvider.GetRequiredService<ChannelRefreshService>().RefreshNowAsync(user.Id, user.WorkspaceId, broken.Id);

        Assert.False(outcome.Succeeded);
        Assert.Equal(ProviderErrorKind.Auth, outcome.ErrorKind);
        await using var after = fixture.CreateDbContext();
        var saved = await after.Channels.SingleAsync(c => c.Id == broken.Id);
        Assert.Equal(ChannelStatus.NeedsReconnect, saved.Status);
        Assert.Equal(ChannelSecrets.UndecryptableReason, saved.StatusReason);
        var evt = await after.WebhookEvents.SingleAsync(e => e.Type == WebhookEventTypes.AccountNeedsReconnect);
        Assert.Equal(broken.Id.ToString(), evt.Payload["channel_id"]!.GetValue<string>());
    }
}
