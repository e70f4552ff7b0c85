
namespace Sosyabot.Core.Providers;

// What the product knows about a platform before any account is connected: shown in the Connect
// menu and the channel list. What it can do comes from the interfaces its provider implements
// (ProviderRegistry.Find<ITokenRefresher>, IPublisher, ...), its publishing rules from IHasPublishingRules.
public sealed record PlatformInfo(
    string Key,
    string DisplayName,
    LoginType LoginType,
    TokenPolicy TokenPolicy,
    string? ConnectedAppsUrl)
{
    // Said in the disconnect dialog instead of the connected-apps link, where a platform has no such page.
    public string? RevokeInstructions { get; init; }

    // The credentials field that holds the account's username, prefilled when the user reconnects.
    public string? UsernameField { get; init; }
}
