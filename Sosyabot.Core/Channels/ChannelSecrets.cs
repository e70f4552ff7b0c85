using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sosyabot.Core.Data;
using Sosyabot.Core.Secrets;

namespace Sosyabot.Core.Channels;

// Reads and writes a channel's tokens. Decryption happens here, at the point of use, so one
// undecryptable row marks that channel for reconnect instead of failing every page that lists channels.
public sealed class ChannelSecrets(SecretProtector protector, SosyabotDbContext db, ILogger<ChannelSecrets> logger)
{
    public const string UndecryptableReason = "Stored credentials can no longer be read. Reconnect this channel.";

    public void SetTokens(Channel channel, string? accessToken, string? refreshToken)
    {
        channel.AccessTokenCipher = string.IsNullOrEmpty(accessToken)
            ? null
            : protector.Protect(SecretKind.ChannelAccessToken, channel.Id, accessToken);
        // A response without a refresh token keeps the stored one: an empty value never overwrites it.
        if (!string.IsNullOrEmpty(refreshToken))
            channel.RefreshTokenCipher = protector.Protect(SecretKind.ChannelRefreshToken, channel.Id, refreshToken);
        channel.TokenVersion++;
    }

    public async Task<ChannelTokens?> ReadAsync(Channel channel, CancellationToken ct = default)
    {
        if (TryRead(SecretKind.ChannelAccessToken, channel.Id, channel.AccessTokenCipher, out var access)
            && TryRead(SecretKind.ChannelRefreshToken, channel.Id, channel.RefreshTokenCipher, out var refresh))
            return new ChannelTokens(access, refresh);

        if (channel.Status != ChannelStatus.NeedsReconnect)
            ChannelLog.MarkedForReconnect(logger, channel.Platform, channel.Id, UndecryptableReason);
        await db.Channels.Where(c => c.Id == channel.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, ChannelStatus.NeedsReconnect)
            .SetProperty(c => c.StatusReason, UndecryptableReason), ct);
        channel.Status = ChannelStatus.NeedsReconnect;
        channel.StatusReason = UndecryptableReason;
        return null;
    }

    private bool TryRead(SecretKind kind, Guid rowId, string? cipher, out string? plaintext)
    {
        plaintext = null;
        if (cipher is null) return true;
        if (!protector.TryUnprotect(kind, rowId, cipher, out var value)) return false;
        plaintext = value;
        return true;
    }
}
