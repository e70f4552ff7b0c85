using Sosyabot.Core.Providers;

namespace Sosyabot.Web.Components.Pages.Channels;

public enum ConnectStyle
{
    OAuth,
    OAuthWithInstance,
    Credentials,
    NotConfigured,
    NotAvailable,
}

// One entry of the Connect menu. X appears twice: OAuth and browser cookies.
public sealed record ConnectOption(PlatformInfo Platform, ConnectStyle Style, string Label, IReadOnlyList<string> MissingSettings)
{
    // By platform name, each platform's own entries kept together in the order For yields them.
    public static List<ConnectOption> Sorted(IEnumerable<ConnectOption> options) =>
        options.OrderBy(o => o.Platform.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();

    public static IEnumerable<ConnectOption> For(PlatformInfo platform, ISocialProvider? provider)
    {
        if (provider is null)
        {
            yield return new(platform, ConnectStyle.NotAvailable, platform.DisplayName, []);
            yield break;
        }
        if (provider is IOAuthProvider oauth)
            yield return provider.MissingSettings.Count > 0
                ? new(platform, ConnectStyle.NotConfigured, platform.DisplayName, provider.MissingSettings)
                : new(platform, oauth.RequiresInstance ? ConnectStyle.OAuthWithInstance : ConnectStyle.OAuth, platform.DisplayName, []);
        if (provider is ICredentialsProvider)
            yield return new(platform, ConnectStyle.Credentials,
                provider is IOAuthProvider ? $"{platform.DisplayName} (browser cookies)" : platform.DisplayName, []);
    }
}
