namespace Sosyabot.Web.Components.Account;

// Limits of the account forms, checked on the server (StringLength) and shown as the fields' maxlength.
public static class AccountLimits
{
    public const int PasswordMaxLength = 100;

    // StringLength fills in {1}, its maximum length.
    public const string EmailTooLong = "An email address has at most {1} characters.";
    public const string PasswordTooLong = "A password has at most {1} characters.";
}
