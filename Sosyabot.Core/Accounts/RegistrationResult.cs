using Sosyabot.Core.Users;

namespace Sosyabot.Core.Accounts;

public sealed record RegistrationResult(AppUser? User, IReadOnlyList<string> Errors)
{
    public bool Success => User is not null;
    public static RegistrationResult Succeeded(AppUser user) => new(user, []);
    public static RegistrationResult Failed(IReadOnlyList<string> errors) => new(null, errors);
}
