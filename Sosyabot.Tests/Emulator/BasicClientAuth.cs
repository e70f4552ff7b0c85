using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sosyabot.Tests.Emulator;

// RFC 6749 §2.3.1 client authentication as token endpoints check it: Authorization: Basic base64(id:secret).
public static class BasicClientAuth
{
    public static bool Matches(HttpContext http, string clientId, string clientSecret)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())) == $"{clientId}:{clientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
