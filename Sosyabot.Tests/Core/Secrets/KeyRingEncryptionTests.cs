using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Secrets;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Secrets;

public class KeyRingEncryptionTests(KeyRingEncryptionTests.CertificateFixture db) : IClassFixture<KeyRingEncryptionTests.CertificateFixture>
{
    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_in_the_database_is_encrypted()
    {
        var protector = db.Services.GetRequiredService<SecretProtector>();
        var rowId = Guid.NewGuid();

        var cipher = protector.Protect(SecretKind.ChannelAccessToken, rowId, "token");

        Assert.True(protector.TryUnprotect(SecretKind.ChannelAccessToken, rowId, cipher, out var plaintext));
        Assert.Equal("token", plaintext);
        var keys = await db.Query(c => c.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        // Unencrypted keys carry their secret in <masterKey><value>; encrypted ones only in <encryptedSecret>.
        Assert.All(keys, xml => Assert.Contains("<encryptedSecret", xml));
        Assert.All(keys, xml => Assert.DoesNotContain("<value>", xml));
        Assert.True(File.Exists(db.CertificatePath));
    }

    public sealed class CertificateFixture : DatabaseFixture
    {
        public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"sosyabot-dp-{Guid.NewGuid():N}.pfx");

        protected override void AddSettings(IDictionary<string, string?> settings)
        {
            settings["DataProtection:CertificatePath"] = CertificatePath;
            settings["DataProtection:CertificatePassword"] = "test-only";
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(CertificatePath);
        }
    }
}
