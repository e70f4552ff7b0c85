namespace Sosyabot.Core.Connections;

// Failures of an OAuth callback that can be named without a stored flow.
public static class ConnectError
{
    public const string InvalidState = "invalid_state";

    public static string MessageFor(string code) => code switch
    {
        InvalidState => "This connection link is not valid or has already been used. Start again from Connect.",
        _ => "The connection did not complete. Start again from Connect.",
    };
}
