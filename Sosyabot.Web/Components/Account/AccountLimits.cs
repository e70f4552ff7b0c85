using Sosyabot.Core.Accounts;

namespace Sosyabot.Web.Components.Account;

// Limits of the account forms, checked on the server (StringLength) and shown as the fields' maxlength.
public static class AccountLimits
{
    public const int PasswordMaxLength = PasswordRules.MaxLength;
    public const int CodeMaxLength = 64;

    // StringLength fills in {1}, its maximum length, and {2}, its minimum.
    public const string EmailTooLong = "An email address has at most {1} characters.";
    public const string PasswordTooLong = "A password has at most {1} characters.";
    public const string NewPasswordLength = "The password needs {2} to {1} characters.";
    public const string CodeTooLong = "A code has at most {1} characters.";
}
