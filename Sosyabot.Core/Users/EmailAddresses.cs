namespace Sosyabot.Core.Users;

public static class EmailAddresses
{
    // Identity's own column limit for e-mail addresses.
    public const int MaxLength = 256;

    public static string Validate(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0) throw new InvalidRequestException("Enter an email address.");
        if (trimmed.Length > MaxLength) throw new InvalidRequestException($"An email address has at most {MaxLength} characters.");
        return trimmed;
    }
}
