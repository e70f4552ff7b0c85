namespace Sosyabot.Core.Accounts;

// NIST SP 800-63B: length, not composition rules, and at least 64 characters allowed.
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static string TooShort => $"The password needs at least {MinLength} characters.";
    public static string TooLong => $"The password can have at most {MaxLength} characters.";
}
