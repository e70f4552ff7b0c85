using System.Security.Cryptography;
using System.Text;

namespace Sosyabot.Core.Providers.Bluesky;

// The record key of a part, chosen before its first attempt and the same on every later one, so a
// repeated create cannot make a second post and the resolver knows which record to read. Posts take
// TIDs: 64 bits (top bit 0, 53 bits of microseconds since 1970, 10 bits of clock id) written as 13
// characters of base32-sortable. https://atproto.com/specs/tid
// The time is the idempotency key's own when it starts with a version 7 UUID (the engine's keys do),
// so keys still sort roughly by when the post was made; the rest comes from a hash of the whole key.
public static class BlueskyTid
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";

    public static string From(string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        var mixed = BitConverter.ToUInt64(hash, 0);
        var micros = TimeOf(idempotencyKey) is { } ms ? ms * 1000 + (long)(mixed % 1000) : (long)(mixed >> 11);
        var clockId = (long)(BitConverter.ToUInt64(hash, 8) & 0x3FF);
        return Encode(((micros & ((1L << 53) - 1)) << 10) | clockId);
    }

    public static bool IsValid(string rkey) =>
        rkey.Length == 13 && rkey.All(Alphabet.Contains) && Alphabet.IndexOf(rkey[0]) < 16;

    private static long? TimeOf(string key)
    {
        var guid = Guid.Empty;
        var parsed = (key.Length >= 36 && Guid.TryParseExact(key[..36], "D", out guid))
            || (key.Length >= 32 && Guid.TryParseExact(key[..32], "N", out guid));
        if (!parsed || guid.Version != 7) return null;
        var bytes = guid.ToByteArray(bigEndian: true);
        long ms = 0;
        for (var i = 0; i < 6; i++) ms = (ms << 8) | bytes[i];
        return ms;
    }

    private static string Encode(long value)
    {
        var chars = new char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }
}
