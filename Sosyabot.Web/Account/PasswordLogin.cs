using Microsoft.AspNetCore.Identity;
using Sosyabot.Core.Users;

namespace Sosyabot.Web.Account;

// Password sign-in that answers an email without an account exactly like one with a wrong password: the same
// result, the same lockout after as many attempts, and a password hash check costing the same time.
public sealed class PasswordLogin(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, UnknownEmailLockout unknownEmails)
{
    private static readonly AppUser NobodyUser = new();
    private static string? s_nobodyHash;

    public async Task<SignInResult> SignInAsync(string email, string password, bool rememberMe)
    {
        if (await users.FindByEmailAsync(email) is { } user)
            return await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);

        // Identity answers a locked account before checking its password, so a locked unknown email skips it too.
        var normalized = users.NormalizeEmail(email);
        if (unknownEmails.IsLockedOut(normalized)) return SignInResult.LockedOut;
        s_nobodyHash ??= hasher.HashPassword(NobodyUser, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(NobodyUser, s_nobodyHash, password);
        return unknownEmails.RecordFailure(normalized) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
