using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;

namespace Sosyabot.Web.Account;

// The server-side list of a user's signed-in sessions, one row each in Identity's user tokens table, so a
// cookie lives only while its session is listed: sign-out removes this session's row, "sign out of all
// sessions" removes them all. A table of its own would need a schema change; this one exists already.
// A row's value is when its cookie was last issued or renewed, in round-trip format, so rows sort by it.
public sealed class UserSessions(SosyabotDbContext db, TimeProvider time)
{
    public const string LoginProvider = "Sosyabot.Sessions";
    public const string ClaimType = "sosyabot:session";

    // The sign-in cookie's lifetime: a session not renewed for this long has no cookie left.
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);

    // Renewals are written at most this often; an expired row is kept this much longer to make up for it.
    private static readonly TimeSpan RenewalGranularity = TimeSpan.FromDays(1);

    public async Task<string> StartAsync(Guid userId)
    {
        // Sessions whose browser just went away are never signed out; they go when a new one starts.
        var expired = Stamp(time.GetUtcNow() - MaxAge - RenewalGranularity);
        await Sessions(userId).Where(t => string.Compare(t.Value, expired) < 0).ExecuteDeleteAsync();
        var id = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = LoginProvider, Name = id, Value = Stamp(time.GetUtcNow()) });
        await db.SaveChangesAsync();
        return id;
    }

    // Called when the cookie is renewed, so a session in use is never taken for an expired one.
    public Task RenewAsync(Guid userId, string sessionId)
    {
        var now = time.GetUtcNow();
        var due = Stamp(now - RenewalGranularity);
        return Sessions(userId).Where(t => t.Name == sessionId && string.Compare(t.Value, due) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, Stamp(now)));
    }

    public Task<bool> IsActiveAsync(Guid userId, string sessionId) =>
        Sessions(userId).AnyAsync(t => t.Name == sessionId);

    public Task EndAsync(Guid userId, string sessionId) =>
        Sessions(userId).Where(t => t.Name == sessionId).ExecuteDeleteAsync();

    public Task EndAllAsync(Guid userId) => Sessions(userId).ExecuteDeleteAsync();

    public Task EndOthersAsync(Guid userId, string keptSessionId) =>
        Sessions(userId).Where(t => t.Name != keptSessionId).ExecuteDeleteAsync();

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("O");

    private IQueryable<IdentityUserToken<Guid>> Sessions(Guid userId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider);
}
