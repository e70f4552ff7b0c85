using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Sosyabot.Web.Account;

// Identity locks real accounts after too many failed sign-ins. Emails without an account lock the same way
// here, in memory, so the lockout message cannot tell anyone which addresses have an account.
public sealed class UnknownEmailLockout(IMemoryCache cache, TimeProvider time, IOptions<IdentityOptions> identity)
{
    private LockoutOptions Options => identity.Value.Lockout;

    public bool IsLockedOut(string normalizedEmail) =>
        cache.TryGetValue(Key(normalizedEmail), out Attempts? attempts) && attempts!.IsLockedOut(time.GetUtcNow());

    // Counts a failure; true when it is the one that locks the address, as Identity does for an account.
    public bool RecordFailure(string normalizedEmail)
    {
        var attempts = cache.GetOrCreate(Key(normalizedEmail), entry =>
        {
            entry.SlidingExpiration = Options.DefaultLockoutTimeSpan;
            return new Attempts();
        })!;
        return attempts.Fail(time.GetUtcNow(), Options.MaxFailedAccessAttempts, Options.DefaultLockoutTimeSpan);
    }

    private static string Key(string normalizedEmail) => $"sign-in-failures:{normalizedEmail}";

    private sealed class Attempts
    {
        private readonly Lock _lock = new();
        private int _failures;
        private DateTimeOffset _lockedUntil;

        public bool IsLockedOut(DateTimeOffset now)
        {
            lock (_lock) return _lockedUntil > now;
        }

        public bool Fail(DateTimeOffset now, int maxFailures, TimeSpan lockout)
        {
            lock (_lock)
            {
                if (++_failures < maxFailures) return false;
                _failures = 0;
                _lockedUntil = now + lockout;
                return true;
            }
        }
    }
}
