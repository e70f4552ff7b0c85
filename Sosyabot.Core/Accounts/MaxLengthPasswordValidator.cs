using Microsoft.AspNetCore.Identity;
using Sosyabot.Core.Users;

namespace Sosyabot.Core.Accounts;

// Identity has a minimum length option only; the maximum bounds the work of hashing a submitted password.
public sealed class MaxLengthPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRules.MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = PasswordRules.TooLong })
            : IdentityResult.Success);
}
