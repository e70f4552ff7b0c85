using Sosyabot.Core.Channels;

namespace Sosyabot.Core.Providers;

// What the product knows about a platform before any account is connected: shown in the Connect
// menu, used to validate posts and to plan token refreshes.
public sealed record PlatformInfo(
    string Key,
    string DisplayName,
    LoginType LoginType,
    PlatformCapabilities Capabilities,
    int? TextLimit,
    TokenPolicy TokenPolicy,
    string? ConnectedAppsUrl)
{
    public bool Has(PlatformCapabilities capability) => (Capabilities & capability) == capability;
}
