using System.Buffers.Text;
using System.Text.Json;

namespace Sosyabot.Core.Providers.Bluesky;

// Reads the exp claim of a session JWT. The signature is not checked: the PDS checks it, we only need
// to know when to refresh.
internal static class BlueskyJwt
{
    public static DateTimeOffset? ExpiresAt(string? jwt)
    {
        var parts = jwt?.Split('.');
        if (parts is not { Length: 3 }) return null;
        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                && seconds > 0 && seconds < 253_402_300_799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
