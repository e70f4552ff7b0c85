using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

public class ChannelRefreshServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CapturingLogger<ChannelRefreshService> _refreshLog = new();
    private readonly CapturingLogger<ChannelSecrets> _secretsLog = new();

    private IEnumerable<string> Warnings => _refreshLog.Lines.Concat(_secretsLog.Lines).Where(l => l.Level == LogLevel.Warning).Select(l => l.Message);

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
            outcome = await RefreshAsync(scope.ServiceProvider, broken.Id);

        Assert.False(outcome.Succeeded);
        Assert.Equal(ProviderErrorKind.Auth, outcome.ErrorKind);
        await using var after = fixture.CreateDbContext();
        var saved = await after.Channels.SingleAsync(c => c.Id == broken.Id);
        Assert.Equal(ChannelStatus.NeedsReconnect, saved.Status);
        Assert.Equal(ChannelSecrets.UndecryptableReason, saved.StatusReason);
        // Other tests of this class mark channels too: this one's event is the one naming it.
        var events = await after.WebhookEvents.Where(e => e.Type == WebhookEventTypes.AccountNeedsReconnect).ToListAsync();
        Assert.Single(events, e => e.Payload["channel_id"]!.GetValue<string>() == broken.Id.ToString());
        // ChannelSecrets and the refresh both see the mark; the operator reads it once.
        var line = Assert.Single(Warnings);
        Assert.Contains(broken.Id.ToString(), line);
        Assert.Contains("reddit", line);
        Assert.Contains(ChannelSecrets.UndecryptableReason, line);
    }

    private Task<RefreshOutcome> RefreshAsync(IServiceProvider services, Guid channelId, ProviderRegistry? providers = null)
    {
        var secrets = ActivatorUtilities.CreateInstance<ChannelSecrets>(services, _secretsLog);
        var refresh = providers is null
            ? ActivatorUtilities.CreateInstance<ChannelRefreshService>(services, secrets, _refreshLog)
            : ActivatorUtilities.CreateInstance<ChannelRefreshService>(services, secrets, _refreshLog, providers);
        return refresh.RefreshAsync(channelId, observedTokenVersion: null);
    }

    // Marking a channel for reconnect writes exactly one warning, with platform, channel and reason, no token.
    [Fact]
    public async Task A_grant_the_platform_refuses_writes_one_warning_without_tokens()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var channel = await ConnectRedditAsync(user, $"p{Guid.NewGuid():N}"[..12]);
        var refusing = new ProviderRegistry([new RefusingReddit()]);

        await using (var scope = fixture.CreateScope())
            await RefreshAsync(scope.ServiceProvider, channel.Id, refusing);
        await using (var scope = fixture.CreateScope())
            await RefreshAsync(scope.ServiceProvider, channel.Id, refusing);

        var line = Assert.Single(Warnings);
        Assert.Contains(channel.Id.ToString(), line);
        Assert.Contains("reddit", line);
        Assert.Contains(RefusingReddit.Reason, line);
        Assert.DoesNotContain("access-", line);
        Assert.DoesNotContain("refresh-", line);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(ChannelStatus.NeedsReconnect, (await db.Channels.SingleAsync(c => c.Id == channel.Id)).Status);
    }

    private sealed class RefusingReddit : ISocialProvider, ITokenRefresher
    {
        public const string Reason = "The refresh token was revoked.";
        public PlatformInfo Info => PlatformCatalog.Find("reddit")!;
        public IReadOnlyList<string> MissingSettings => [];

        public Task<TokenSet> RefreshAsync(ChannelContext channel, CancellationToken ct) =>
            throw new ProviderException(ProviderErrorKind.Auth, Reason);
    }
}
