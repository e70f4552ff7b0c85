using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Mastodon;

// Every call to a Mastodon server goes through the user-supplied client (the SSRF-guarded one):
// the server is whatever the user typed. Errors name the server, not just "Mastodon".
public sealed class MastodonClients(ProviderApiFactory apis, TimeProvider clock)
{
    public TimeSpan UploadTimeout => apis.Options.UploadTimeout;

    public ProviderApi For(string instance)
    {
        var server = MastodonInstance.Authority(instance);
        return apis.Create(ProviderClients.UserSupplied, server, new MastodonErrorInspector(clock, server));
    }
}
