using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Sosyabot.Core.Media;

// Links for platforms that fetch media themselves (and for thumbnails on the pages): the token is the
// storage key and an expiry, encrypted and authenticated by the app's key ring, so it cannot be
// guessed, altered or extended. The expiry is checked against the injected clock.
public sealed class MediaLinks(IDataProtectionProvider protection, IOptions<AppOptions> app, IOptions<MediaOptions> options, TimeProvider clock)
{
    public const string PathPrefix = "/media/";
    private readonly IDataProtector _protector = protection.CreateProtector("Sosyabot.Media.PublicLink.v1");

    public Uri Create(string storageKey, TimeSpan? lifetime = null)
    {
        var expires = clock.GetUtcNow() + (lifetime ?? options.Value.PublicLinkLifetime);
        var payload = $"{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}|{storageKey}";
        var token = WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
        return new Uri($"{app.Value.BaseUrl.TrimEnd('/')}{PathPrefix}{token}");
    }

    public Uri Create(MediaFile file, TimeSpan? lifetime = null) => Create(file.StorageKey, lifetime);

    // The storage key a live token names, or null for anything expired, altered or made elsewhere.
    public string? Read(string token)
    {
        string payload;
        try
        {
            payload = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var expires)) return null;
        if (clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(expires)) return null;
        return MediaStorageKeys.IsValid(parts[1]) ? parts[1] : null;
    }
}
