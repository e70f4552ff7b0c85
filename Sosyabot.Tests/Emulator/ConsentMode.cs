namespace Sosyabot.Tests.Emulator;

public enum ConsentMode
{
    Allow,
    Deny,
    Page,
}
