using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Sosyabot.Web.Infrastructure;

// Carries why a connection could not start from the start endpoint to the channels page through the
// address. Protected and short-lived, so a link someone else made cannot put its own text on our page.
public sealed class ConnectMessages(IDataProtectionProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Sosyabot.ConnectMessage.v1").ToTimeLimitedDataProtector();

    public string Protect(string message) => _protector.Protect(message, Lifetime);

    public string? Read(string? protectedMessage)
    {
        if (string.IsNullOrEmpty(protectedMessage)) return null;
        try
        {
            return _protector.Unprotect(protectedMessage);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
