using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Channels;

// Marking a channel for reconnect writes exactly one warning, with platform, channel and reason, no token.
public class ChannelReconnectLogTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
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

    private Task<RefreshOutcome> RefreshAsync(IServiceProvider services, Guid channelId, ProviderRegistry? providers = null)
    {
        var secrets = ActivatorUtilities.CreateInstance<ChannelSecrets>(services, _secretsLog);
        var refresh = providers is null
            ? ActivatorUtilities.CreateInstance<ChannelRefreshService>(services, secrets, _refreshLog)
            : ActivatorUtilities.CreateInstance<ChannelRefreshService>(services, secrets, _refreshLog, providers);
        return refresh.RefreshAsync(channelId, observedTokenVersion: null);
    }

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

    [Fact]
    public async Task Tokens_that_cannot_be_read_write_one_warning_not_two()
    {
        var user = await TestUsers.CreateAsync(fixture.Services);
        var other = await ConnectRedditAsync(user, $"o{Guid.NewGuid():N}"[..12]);
        var broken = await ConnectRedditAsync(user, $"b{Guid.NewGuid():N}"[..12]);
        await using (var db = fixture.CreateDbContext())
            await db.Channels.Where(c => c.Id == broken.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AccessTokenCipher, other.AccessTokenCipher)
                .SetProperty(c => c.RefreshTokenCipher, other.RefreshTokenCipher));

        await using (var scope = fixture.CreateScope())
            await RefreshAsync(scope.ServiceProvider, broken.Id);

        var line = Assert.Single(Warnings);
        Assert.Contains(broken.Id.ToString(), line);
        Assert.Contains("reddit", line);
        Assert.Contains(ChannelSecrets.UndecryptableReason, line);
    }

    private sealed class RefusingReddit : ISocialProvider, ITokenRefresher
    {
        public const string Reason = "The refresh token was revoked.";
        public PlatformInfo Info => PlatformCatalog.Find("reddit")!;
        public IReadOnlyList<string> MissingSettings => [];

        public Task<TokenSet> RefreshAsync(Channel channel, ChannelTokens tokens, CancellationToken ct) =>
            throw new ProviderException(ProviderErrorKind.Auth, Reason);
    }
}
