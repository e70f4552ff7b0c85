namespace Sosyabot.Core.Accounts;

public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    // The default; a system admin's choice in the admin area wins over it.
    public RegistrationMode Mode { get; set; } = RegistrationMode.Open;
}
