namespace Sosyabot.Core.Providers;

// An OAuth client registered by the app itself on a user-chosen server (a Mastodon instance):
// registered once per server and redirect URI, then reused by every workspace.
public class PlatformAppRegistration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Platform { get; set; }
    public required string Issuer { get; set; }
    public required string RedirectUri { get; set; }
    public required string ClientId { get; set; }
    public required string ClientSecretCipher { get; set; }
    public required string Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
