using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;
using Sosyabot.Core.Users;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Accounts;

public sealed class RegistrationService(
    SosyabotDbContext db, UserManager<AppUser> users, WorkspaceService workspaces, RegistrationPolicy policy, TimeProvider clock)
{
    // Any constant works; it only has to be the same for every instance of the app.
    internal const long FirstAdminLockKey = 0x5059_4241_4430_0001;

    public async Task<RegistrationResult> RegisterAsync(string email, string password, CancellationToken ct = default)
    {
        email = email.Trim();
        if (EmailAddresses.Problem(email) is { } problem) return RegistrationResult.Failed([problem]);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Two people registering at once on an empty install must not both become system admin. Once an
            // admin exists no sign-up can become one, so only sign-ups that still see none wait for the lock.
            var isFirstAdmin = !await AdminExistsAsync(ct);
            if (isFirstAdmin)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FirstAdminLockKey})", ct);
                isFirstAdmin = !await AdminExistsAsync(ct);
            }
            if (await policy.RefusalAsync(email, ct) is { } refusal) return RegistrationResult.Failed([refusal]);

            var user = new AppUser { UserName = email, Email = email, IsSystemAdmin = isFirstAdmin, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                return RegistrationResult.Failed(created.Errors.Select(e => e.Description).ToList());

            await workspaces.CreateAsync(user.Id, PersonalWorkspaceName(user.Email!), ct: ct);
            await tx.CommitAsync(ct);
            return RegistrationResult.Succeeded(user);
        });
    }

    private Task<bool> AdminExistsAsync(CancellationToken ct) => db.Users.AnyAsync(u => u.IsSystemAdmin, ct);

    private static string PersonalWorkspaceName(string email)
    {
        var local = email.Split('@')[0];
        return $"{local[..Math.Min(local.Length, 80)]}'s workspace";
    }
}
