using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Secrets;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Secrets;

public class SecretProtectorTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string Token = "ya29.canary-access-token-7f3c9e1b2d";

    private SecretProtector Protector => db.Services.GetRequiredService<SecretProtector>();

    [Fact]
    public void A_protected_secret_reads_back_for_the_same_row()
    {
        var rowId = Guid.NewGuid();
        var cipher = Protector.Protect(SecretKind.ChannelAccessToken, rowId, Token);

        Assert.True(Protector.TryUnprotect(SecretKind.ChannelAccessToken, rowId, cipher, out var plaintext));
        Assert.Equal(Token, plaintext);
    }

    [Fact]
    public void The_ciphertext_contains_no_piece_of_the_plaintext()
    {
        var cipher = Protector.Protect(SecretKind.ChannelAccessToken, Guid.NewGuid(), Token);

        Assert.NotEqual(Token, cipher);
        // Every 5-character window: long enough that base64 cannot produce it by chance.
        for (var i = 0; i + 5 <= Token.Length; i++)
            Assert.DoesNotContain(Token.Substring(i, 5), cipher, StringComparison.Ordinal);
    }

    [Fact]
    public void Protecting_the_same_secret_twice_gives_different_ciphertexts()
    {
        var rowId = Guid.NewGuid();

        Assert.NotEqual(
            Protector.Protect(SecretKind.ChannelAccessToken, rowId, Token),
            Protector.Protect(SecretKind.ChannelAccessToken, rowId, Token));
    }

    [Fact]
    public void A_ciphertext_does_not_read_for_another_row()
    {
        var cipher = Protector.Protect(SecretKind.ChannelAccessToken, Guid.NewGuid(), Token);

        Assert.False(Protector.TryUnprotect(SecretKind.ChannelAccessToken, Guid.NewGuid(), cipher, out var plaintext));
        Assert.Equal("", plaintext);
    }

    [Fact]
    public void A_ciphertext_does_not_read_as_another_kind_of_secret()
    {
        var rowId = Guid.NewGuid();
        var cipher = Protector.Protect(SecretKind.ChannelAccessToken, rowId, Token);

        Assert.False(Protector.TryUnprotect(SecretKind.ChannelRefreshToken, rowId, cipher, out _));
    }

    [Fact]
    public void A_tampered_ciphertext_does_not_read()
    {
        var rowId = Guid.NewGuid();
        var cipher = Protector.Protect(SecretKind.ChannelAccessToken, rowId, Token);
        var tampered = cipher[..^4] + (cipher[^4] == 'A' ? 'B' : 'A') + cipher[^3..];

        Assert.False(Protector.TryUnprotect(SecretKind.ChannelAccessToken, rowId, tampered, out _));
    }

    [Fact]
    public async Task The_key_ring_is_kept_in_postgresql()
    {
        Protector.Protect(SecretKind.PlatformAppSecret, Guid.NewGuid(), Token);

        Assert.True(await db.Query(c => c.DataProtectionKeys.AnyAsync()));
    }
}
