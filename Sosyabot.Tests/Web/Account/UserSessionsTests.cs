using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Account;

namespace Sosyabot.Tests.Web.Account;

public class UserSessionsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly MovableClock _clock = new();

    [Fact]
    public async Task A_new_session_clears_the_ones_whose_cookie_has_expired()
    {
        var user = await db.CreateUserAsync();
        _clock.Offset = -(UserSessions.MaxAge + TimeSpan.FromDays(3));
        var old = await StartAsync(user.Id);
        _clock.Offset = TimeSpan.Zero;

        var current = await StartAsync(user.Id);

        Assert.False(await IsActiveAsync(user.Id, old));
        Assert.True(await IsActiveAsync(user.Id, current));
    }

    [Fact]
    public async Task A_session_renewed_since_is_kept()
    {
        var user = await db.CreateUserAsync();
        _clock.Offset = -(UserSessions.MaxAge + TimeSpan.FromDays(3));
        var inUse = await StartAsync(user.Id);
        _clock.Offset = -TimeSpan.FromDays(2);
        await using (var context = db.CreateDbContext()) await new UserSessions(context, _clock).RenewAsync(user.Id, inUse);
        _clock.Offset = TimeSpan.Zero;

        await StartAsync(user.Id);

        Assert.True(await IsActiveAsync(user.Id, inUse));
    }

    private async Task<string> StartAsync(Guid userId)
    {
        await using var context = db.CreateDbContext();
        return await new UserSessions(context, _clock).StartAsync(userId);
    }

    private async Task<bool> IsActiveAsync(Guid userId, string sessionId)
    {
        await using var context = db.CreateDbContext();
        return await new UserSessions(context, _clock).IsActiveAsync(userId, sessionId);
    }

    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
