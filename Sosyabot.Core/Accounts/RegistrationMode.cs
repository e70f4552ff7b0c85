namespace Sosyabot.Core.Accounts;

// Who may create an account once the first user (the system admin) exists.
public enum RegistrationMode
{
    Open,
    InvitedOnly,
    Closed,
}
