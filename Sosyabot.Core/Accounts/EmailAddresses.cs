using System.Net.Mail;

namespace Sosyabot.Core.Accounts;

public static class EmailAddresses
{
    // The width of Identity's email columns and of the invitations table.
    public const int MaxLength = 256;

    // Present and within the limit, trimmed; what an address must look like is Problem's to say.
    public static string Validate(string? email) =>
        RequiredText.Validate(email, MaxLength, "Enter an email address.", $"An email address has at most {MaxLength} characters.");

    // Null when the address can be used; otherwise which rule it breaks.
    public static string? Problem(string email) =>
        email.Length > MaxLength ? $"An email address has at most {MaxLength} characters."
        : IsValid(email) ? null
        : InvalidMessage(email);

    // MailAddress follows RFC 5322 and accepts non-ASCII (RFC 6531) addresses; comparing its parsed
    // address with the input refuses what it would read as a display name plus an address ("a b@c").
    public static bool IsValid(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    public static string InvalidMessage(string email) =>
        $"'{email}' is not an email address: it needs one @ with a name before it and a domain after it, and no spaces outside quotes.";
}
