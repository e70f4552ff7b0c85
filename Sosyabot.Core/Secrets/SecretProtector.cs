using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Sosyabot.Core.Secrets;

// Encrypts secrets at rest with Data Protection. The purpose chain ends in the owning row's id, so a
// ciphertext copied into another row fails to decrypt instead of handing that row someone else's token.
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private const string RootPurpose = "Sosyabot.Secrets.v1";

    public string Protect(SecretKind kind, Guid rowId, string plaintext) =>
        Protector(kind, rowId).Protect(plaintext);

    public bool TryUnprotect(SecretKind kind, Guid rowId, string ciphertext, out string plaintext)
    {
        try
        {
            plaintext = Protector(kind, rowId).Unprotect(ciphertext);
            return true;
        }
        catch (CryptographicException)
        {
            plaintext = "";
            return false;
        }
    }

    private IDataProtector Protector(SecretKind kind, Guid rowId) =>
        provider.CreateProtector(RootPurpose, kind.ToString(), rowId.ToString("N"));
}
