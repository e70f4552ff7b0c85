namespace Sosyabot.Core.Connections;

// One pending authorization request. Only hashes of the state and browser nonce are stored, so a
// database read does not let anyone complete someone else's flow.
public class OAuthState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string StateHash { get; set; }
    public required string BrowserBindingHash { get; set; }
    public Guid UserId { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Platform { get; set; }
    public required string RedirectUri { get; set; }
    public string ReturnTo { get; set; } = "/";
    public string? CodeVerifierCipher { get; set; }
    public string? Issuer { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
    // Why a consumed flow failed, shown once on the connections page; nothing else of it is kept.
    public string? Error { get; set; }
}
