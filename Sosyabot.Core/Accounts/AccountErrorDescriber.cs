using Microsoft.AspNetCore.Identity;

namespace Sosyabot.Core.Accounts;

// The user name is the email address, so Identity's user-name wording would describe a rule we do not have.
public sealed class AccountErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = PasswordRules.TooShort };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = EmailAddresses.InvalidMessage(email ?? "") };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = EmailAddresses.InvalidMessage(userName ?? "") };
}
