using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sosyabot.Core.Secrets;

// The Data Protection key ring lives in PostgreSQL; this certificate, kept as a file outside the
// database, encrypts it, so a database dump alone reveals no channel token.
public static class KeyEncryptionCertificate
{
    public static X509Certificate2 LoadOrCreate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Sosyabot Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            File.WriteAllBytes(path, created.Export(X509ContentType.Pkcs12, password));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }
}
