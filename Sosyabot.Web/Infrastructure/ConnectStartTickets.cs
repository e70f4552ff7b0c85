using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Sosyabot.Web.Infrastructure;

// Proof that a connect was started from Sosyabot's own Channels page: the page, running in the user's
// signed-in circuit, mints a ticket for exactly this user, workspace, platform and server, and the start
// endpoint refuses without one. A link or an <img> on another site cannot mint it, so it cannot start a
// flow that a platform without a consent page would complete on its own.
public sealed class ConnectStartTickets(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly IDataProtector _protector = provider.CreateProtector("Sosyabot.ConnectStartTicket.v1");

    public string Issue(Guid userId, Guid workspaceId, string platform, string? instance) =>
        _protector.Protect(Payload(userId, workspaceId, platform, instance) + "|" + clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public bool IsValid(string? ticket, Guid userId, Guid workspaceId, string platform, string? instance)
    {
        if (string.IsNullOrEmpty(ticket)) return false;
        string content;
        try
        {
            content = _protector.Unprotect(ticket);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var split = content.LastIndexOf('|');
        if (split < 0 || content[..split] != Payload(userId, workspaceId, platform, instance)) return false;
        if (!long.TryParse(content[(split + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs)) return false;
        return clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs) <= Lifetime;
    }

    // The instance is the last field and may hold anything; the fields before it cannot contain '|'.
    private static string Payload(Guid userId, Guid workspaceId, string platform, string? instance) =>
        $"{userId:N}|{workspaceId:N}|{platform}|{instance?.Trim()}";
}
