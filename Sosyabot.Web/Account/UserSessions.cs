using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;

namespace Sosyabot.Web.Account;

// The server-side list of a user's signed-in sessions, one row each in Identity's user tokens table, so a
// cookie lives only while its session is listed: sign-out removes this session's row, "sign out of all
// sessions" removes them all. A table of its own would need a schema change; this one exists already.
public sealed class UserSessions(SosyabotDbContext db, TimeProvider time)
{
    public const string LoginProvider = "Sosyabot.Sessions";
    public const string ClaimType = "sosyabot:session";

    public async Task<string> StartAsync(Guid userId)
    {
        var id = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = LoginProvider, Name = id, Value = time.GetUtcNow().ToString("O") });
        await db.SaveChangesAsync();
        return id;
    }

    public Task<bool> IsActiveAsync(Guid userId, string sessionId) =>
        Sessions(userId).AnyAsync(t => t.Name == sessionId);

    public Task EndAsync(Guid userId, string sessionId) =>
        Sessions(userId).Where(t => t.Name == sessionId).ExecuteDeleteAsync();

    public Task EndAllAsync(Guid userId) => Sessions(userId).ExecuteDeleteAsync();

    public Task EndOthersAsync(Guid userId, string keptSessionId) =>
        Sessions(userId).Where(t => t.Name != keptSessionId).ExecuteDeleteAsync();

    private IQueryable<IdentityUserToken<Guid>> Sessions(Guid userId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider);
}
