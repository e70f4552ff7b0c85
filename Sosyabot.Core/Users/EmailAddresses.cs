namespace Sosyabot.Core.Users;

public static class EmailAddresses
{
    // Identity's own column limit for e-mail addresses.
    public const int MaxLength = 256;

    public static string Validate(string? email) =>
        RequiredText.Validate(email, MaxLength, "Enter an email address.", $"An email address has at most {MaxLength} characters.");
}
