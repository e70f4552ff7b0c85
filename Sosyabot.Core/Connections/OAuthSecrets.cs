using System.Security.Cryptography;
using System.Text;

namespace Sosyabot.Core.Connections;

public static class OAuthSecrets
{
    // 32 random bytes: 2^-256 guessing odds, above RFC 9700's 2^-160 recommendation.
    public static string NewRandom() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    // RFC 7636 §4.2: S256 only, never plain.
    public static string CodeChallenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
