using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Admin;
using Sosyabot.Core.Data;
using Sosyabot.Core.Settings;

namespace Sosyabot.Core.Accounts;

public sealed class RegistrationPolicy(
    SosyabotDbContext db, IOptions<RegistrationOptions> options, AdminWorkspaceService admins, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const string ModeKey = "Registration:Mode";
    public const string ClosedMessage = "Sign-up is closed on this server. Ask its administrator for an account.";
    public const string InvitedOnlyMessage =
        "Sign-up on this server is by invitation only. Use the email address you were invited with.";

    public async Task<RegistrationMode> ModeAsync(CancellationToken ct = default)
    {
        var stored = await db.AppSettings.Where(s => s.Key == ModeKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return Enum.TryParse<RegistrationMode>(stored, out var mode) ? mode : options.Value.Mode;
    }

    // The mode as it applies to the next sign-up: an install without users always lets its first user in.
    public async Task<RegistrationMode> EffectiveModeAsync(CancellationToken ct = default) =>
        await db.Users.AnyAsync(ct) ? await ModeAsync(ct) : RegistrationMode.Open;

    // Null when this address may register now; otherwise the reason, for the register form.
    public async Task<string?> RefusalAsync(string email, CancellationToken ct = default)
    {
        switch (await EffectiveModeAsync(ct))
        {
            case RegistrationMode.Closed:
                return ClosedMessage;
            case RegistrationMode.InvitedOnly:
                var normalized = normalizer.NormalizeEmail(email);
                return await db.WorkspaceInvitations.AnyAsync(i => i.NormalizedEmail == normalized, ct) ? null : InvitedOnlyMessage;
            default:
                return null;
        }
    }

    public async Task SetModeAsync(Guid actorId, RegistrationMode mode, CancellationToken ct = default)
    {
        if (!await admins.IsSystemAdminAsync(actorId, ct)) throw new NotSystemAdminException();
        var value = mode.ToString();
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO app_settings (key, value, updated_at) VALUES ({ModeKey}, {value}, {now})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, ct);
    }
}
