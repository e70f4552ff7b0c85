using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sosyabot.Core.Providers.X;

// The two cookies of a signed-in x.com browser session. They are stored together, encrypted, as the
// channel's access token: auth_token identifies the session, ct0 is its CSRF token, which the web app
// echoes in the x-csrf-token header.
internal sealed record XWebSession(
    [property: JsonPropertyName("auth_token")] string AuthToken,
    [property: JsonPropertyName("ct0")] string Ct0)
{
    public const string AuthTokenField = "auth_token";
    public const string Ct0Field = "ct0";

    public string CookieHeader => $"{AuthTokenField}={AuthToken}; {Ct0Field}={Ct0}";

    public string Serialize() => JsonSerializer.Serialize(this);

    public static XWebSession? TryParse(string? stored)
    {
        if (string.IsNullOrEmpty(stored) || stored[0] != '{') return null;
        try
        {
            return JsonSerializer.Deserialize<XWebSession>(stored) is { AuthToken.Length: > 0, Ct0.Length: > 0 } session ? session : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // People paste "auth_token=abc…;", quoted values or trailing spaces. Anything but letters and digits
    // is refused: the value goes into a Cookie header, where ';' or a line break would inject more.
    public static string? Clean(string? pasted, string name)
    {
        var value = (pasted ?? "").Trim().Trim('"', '\'', ';').Trim();
        if (value.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)) value = value[(name.Length + 1)..].Trim().Trim('"', ';');
        return value.Length is >= 16 and <= 512 && value.All(char.IsAsciiLetterOrDigit) ? value : null;
    }

    public override string ToString() => "XWebSession(***)";
}
