using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sosyabot.Tests.Emulator.Bluesky;

// Session JWTs shaped like a PDS's (header.payload.signature, base64url, with scope/sub/aud/iat/exp and a
// jti on refresh tokens). HS256 with a per-PDS key stands in for the PDS's signing key.
public sealed class BlueskyJwts(string audience)
{
    public const string AccessScope = "com.atproto.appPass";
    public const string RefreshScope = "com.atproto.refresh";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(string type, string scope, string did, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string? jti = null)
    {
        var header = new JsonObject { ["typ"] = type, ["alg"] = "HS256" };
        var payload = new JsonObject
        {
            ["scope"] = scope,
            ["sub"] = did,
            ["aud"] = audience,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
        };
        if (jti is not null) payload["jti"] = jti;
        var signed = $"{Encode(header.ToJsonString())}.{Encode(payload.ToJsonString())}";
        return $"{signed}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)))}";
    }

    // A service token (com.atproto.server.getServiceAuth): issued by the account (iss), addressed to
    // a service (aud), bound to one method (lxm). xrpc-server createServiceJwt; the PDS signs it with
    // the account's repo key, which this PDS's key stands in for.
    public string IssueService(string iss, string aud, string? lxm, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "HS256" };
        var payload = new JsonObject
        {
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["iss"] = iss,
            ["aud"] = aud,
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
        };
        if (lxm is not null) payload["lxm"] = lxm;
        var signed = $"{Encode(header.ToJsonString())}.{Encode(payload.ToJsonString())}";
        return $"{signed}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)))}";
    }

    // The claims of a token this PDS signed, or null when the signature is not ours.
    public JsonElement? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2]))) return null;
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.Clone();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
