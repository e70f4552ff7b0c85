using Microsoft.EntityFrameworkCore;

namespace Sosyabot.Core.Data;

public static class DatabaseLocks
{
    // A transaction-scoped advisory lock on a name, shared by every app instance on this database.
    public static Task LockAsync(this SosyabotDbContext db, string name, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", ct);
}
