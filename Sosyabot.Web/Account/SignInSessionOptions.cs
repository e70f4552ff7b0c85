namespace Sosyabot.Web.Account;

public sealed class SignInSessionOptions
{
    public const string Section = "Sessions";

    // How soon an open tab, and a cookie's security stamp, notice that the session has ended.
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
